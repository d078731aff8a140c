package dev.purser.engine.image;

/**
 * One line of {@code docker rmi} output: either a tag that was removed or an image or layer
 * that was deleted (exactly one of the two is non-null, like Docker's ImageDeleteResponseItem).
 */
public record ImageDeletion(String untagged, String deleted) {
    public static ImageDeletion untagged(String reference) {
        return new ImageDeletion(reference, null);
    }

    public static ImageDeletion deleted(String id) {
        return new ImageDeletion(null, id);
    }

    @Override
    public String toString() {
        return untagged != null ? "Untagged: " + untagged : "Deleted: " + deleted;
    }
}
