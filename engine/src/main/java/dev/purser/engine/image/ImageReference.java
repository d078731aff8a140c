package dev.purser.engine.image;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code name:tag} reference, normalized the way Docker's distribution/reference package
 * does it: {@code busybox}, {@code library/busybox:latest} and
 * {@code docker.io/library/busybox:latest} are one reference, shown as {@code busybox:latest}.
 */
public record ImageReference(String domain, String path, String tag) {
    static final String DEFAULT_DOMAIN = "docker.io";
    static final String DEFAULT_TAG = "latest";

    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern HEX64 = Pattern.compile("[a-f0-9]{64}");
    private static final int NAME_MAX = 255;

    /**
     * Parses a reference, adding {@code docker.io}, {@code library/} and {@code :latest} where
     * Docker would.
     *
     * @throws IllegalArgumentException with Docker's message when the syntax is invalid
     */
    public static ImageReference parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("invalid reference format");
        }
        if (HEX64.matcher(text).matches()) {
            throw new IllegalArgumentException("invalid repository name (" + text
                    + "), cannot specify 64-byte hexadecimal strings");
        }
        if (text.contains("@")) {
            // Digest references need registry manifests, which a local-only store does not keep.
            throw new IllegalArgumentException("invalid reference format: digest references are not supported");
        }
        String name = text;
        String tag = DEFAULT_TAG;
        int colon = text.lastIndexOf(':');
        if (colon > text.lastIndexOf('/')) {
            name = text.substring(0, colon);
            tag = text.substring(colon + 1);
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException("invalid reference format");
            }
        }
        String domain;
        String remainder;
        int slash = name.indexOf('/');
        String first = slash < 0 ? "" : name.substring(0, slash);
        if (slash < 0 || (!first.contains(".") && !first.contains(":") && !first.equals("localhost")
                && first.toLowerCase(Locale.ROOT).equals(first))) {
            domain = DEFAULT_DOMAIN;
            remainder = name;
        } else {
            domain = first;
            remainder = name.substring(slash + 1);
        }
        if (domain.equals("index.docker.io")) {
            domain = DEFAULT_DOMAIN;
        }
        if (domain.equals(DEFAULT_DOMAIN) && !remainder.contains("/")) {
            remainder = "library/" + remainder;
        }
        if (!remainder.toLowerCase(Locale.ROOT).equals(remainder)) {
            throw new IllegalArgumentException("invalid reference format: repository name (" + remainder
                    + ") must be lowercase");
        }
        if (!DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("invalid reference format");
        }
        for (String component : remainder.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                throw new IllegalArgumentException("invalid reference format");
            }
        }
        if (domain.length() + 1 + remainder.length() > NAME_MAX) {
            throw new IllegalArgumentException("invalid reference format: repository name must not be more than "
                    + NAME_MAX + " characters");
        }
        return new ImageReference(domain, remainder, tag);
    }

    /** Whether the text names only a repository, so Docker would mean every tag of it (save) or :latest. */
    static boolean hasTag(String text) {
        int colon = text.lastIndexOf(':');
        return colon > text.lastIndexOf('/');
    }

    /** The repository as Docker shows it: {@code busybox}, {@code user/app}, {@code localhost:5000/app}. */
    public String familiarName() {
        if (domain.equals(DEFAULT_DOMAIN)) {
            return path.startsWith("library/") && path.indexOf('/', "library/".length()) < 0
                    ? path.substring("library/".length())
                    : path;
        }
        return domain + "/" + path;
    }

    /** {@code name:tag} as Docker shows it in RepoTags. */
    public String familiar() {
        return familiarName() + ":" + tag;
    }

    /** The fully qualified form, {@code docker.io/library/busybox:latest}, used in OCI annotations. */
    public String qualified() {
        return domain + "/" + path + ":" + tag;
    }

    @Override
    public String toString() {
        return familiar();
    }
}
