package dev.purser.engine.usage;

/**
 * Docker's {@code SizeRw} (the container's writable layer) and {@code SizeRootFs} (that plus
 * every layer of its image), in bytes.
 */
public record ContainerSize(long rw, long rootFs) {}
