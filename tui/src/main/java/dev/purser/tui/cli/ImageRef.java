package dev.purser.tui.cli;

import java.util.regex.Pattern;

/**
 * An image reference split into repository and tag the way docker's client sends it to
 * {@code /images/{name}/tag}: the tag defaults to "latest"; a digest is not a tag.
 */
record ImageRef(String repository, String tag) {
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

    static ImageRef parse(String ref) {
        String name = ref;
        String tag = "latest";
        int at = name.indexOf('@');
        if (at >= 0) throw invalid(ref);
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
            if (!TAG.matcher(tag).matches()) throw invalid(ref);
        }
        if (name.isEmpty()) throw invalid(ref);
        String[] parts = name.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            // the first component may be a registry host[:port]
            if (i == 0 && parts.length > 1 && (p.contains(".") || p.contains(":") || p.equals("localhost"))) continue;
            if (!p.equals(p.toLowerCase()) && COMPONENT.matcher(p.toLowerCase()).matches()) {
                throw new IllegalArgumentException("invalid reference format: repository name (" + fullName(name) + ") must be lowercase");
            }
            if (!COMPONENT.matcher(p).matches()) throw invalid(ref);
        }
        return new ImageRef(name, tag);
    }

    private static String fullName(String name) {
        return name.contains("/") ? name : "library/" + name;
    }

    private static IllegalArgumentException invalid(String ref) {
        return new IllegalArgumentException("invalid reference format");
    }

    @Override
    public String toString() {
        return repository + ":" + tag;
    }
}
