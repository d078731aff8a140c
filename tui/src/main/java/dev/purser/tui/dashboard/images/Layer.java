package dev.purser.tui.dashboard.images;

/**
 * One layer of an image as the layers view shows it.
 *
 * @param diffId the layer's content id (RootFS.Layers), or "" for a history step that made no layer
 * @param sharedBy how many images (this one included) have this layer
 */
public record Layer(String diffId, long size, String createdBy, long created, int sharedBy) {}
