package dev.purser.engine.image;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image found by a reference, and the tag it was found by (null when found by id). Shared by
 * the store's queries and by {@code save}, which saves the tag an image was named by.
 */
record Resolution(Image image, ImageReference tag) {
    private static final Pattern HEX_PREFIX = Pattern.compile("[0-9a-f]{1,64}");

    /**
     * Finds an image the way Docker's {@code GetImage} does: first as a {@code name[:tag]}
     * reference, then as a full id, a {@code sha256:} id or a unique prefix of the hex id.
     */
    static Optional<Resolution> resolve(ImageIndex index, String reference) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        if (!reference.startsWith("sha256:")) {
            try {
                ImageReference ref = ImageReference.parse(reference);
                Optional<Image> tagged = index.byTag(ref.familiar());
                if (tagged.isPresent()) {
                    return Optional.of(new Resolution(tagged.get(), ref));
                }
            } catch (IllegalArgumentException notAName) {
                // maybe an id; fall through
            }
        }
        String hex = reference.startsWith("sha256:") ? reference.substring("sha256:".length()) : reference;
        if (!HEX_PREFIX.matcher(hex).matches()) {
            return Optional.empty();
        }
        List<Image> matches = index.images().stream()
                .filter(i -> Digest.parse(i.id()).hex().startsWith(hex)).toList();
        return matches.size() == 1 ? Optional.of(new Resolution(matches.get(0), null)) : Optional.empty();
    }
}
