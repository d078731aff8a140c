/**
 * The image store: images, their tags, and their layers on disk.
 *
 * <p>{@link dev.purser.engine.image.ImageStore} is the entry point. It keeps content-addressed
 * blobs (layer tars, image configs, manifests) under {@code blobs/sha256/}, each layer unpacked
 * once per chain id under {@code layers/<chain-id>/diff/} (the directories overlayfs stacks as
 * lowerdirs), and the images with their tags in {@code images.json}. It imports root filesystem
 * tarballs ({@code docker import}), loads and writes {@code docker save} tarballs in both the
 * legacy and the OCI-layout form, tags, untags and removes images with Docker's rules.
 *
 * <p>Everything that arrives from outside (tarballs, layers) is untrusted: layers are unpacked
 * by {@link dev.purser.engine.image.LayerExtractor}, which refuses any entry that would land
 * outside the layer directory, and every load or import is staged in the state root's
 * {@code tmp/} and moved into place only once it is complete and verified.
 */
package dev.purser.engine.image;
