package dev.purser.tui.dashboard.images;

/**
 * What a container's root filesystem is made of: its own writable layer (Docker's {@code SizeRw})
 * on top of its image's layers.
 */
public record ContainerLayers(String containerId, long writableSize, ImageLayers image) {}
