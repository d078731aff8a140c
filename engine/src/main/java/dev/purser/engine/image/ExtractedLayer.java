package dev.purser.engine.image;

/** What unpacking a layer tar found: the digest of the uncompressed tar and the bytes it unpacked to. */
record ExtractedLayer(Digest diffId, long size) {}
