package dev.purser.engine.archive;

import dev.purser.engine.runtime.ScopedPath;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A path a client gave, taken as absolute inside the container, and where it is on the host:
 * its directory resolved inside the container's root ({@link ScopedPath}: symbolic links are
 * followed as the container would, never out to the host), its last element either kept as
 * it is ({@link #of}, as Docker's stat and GET do: a link is copied as a link) or followed too
 * ({@link #followed}, as Docker's PUT does: a link to a directory is extracted into).
 *
 * @param absolute the path inside the container, with Docker's trailing {@code /} or {@code /.} kept
 * @param host     where it is on the host, under the root
 */
record ContainerPath(String absolute, Path host) {

    static ContainerPath of(Path root, String path) throws IOException {
        String absolute = absolute(path);
        if (absolute.endsWith("/")  || absolute.endsWith("/.")) {
            // "dir/" and "dir/." name the directory itself: a link there is followed
            return new ContainerPath(absolute, ScopedPath.resolve(root, absolute));
        }
        int slash = absolute.lastIndexOf('/');
        Path resolvedDir = ScopedPath.resolve(root, absolute.substring(0, slash + 1));
        String base = absolute.substring(slash + 1);
        return new ContainerPath(absolute, base.isEmpty() ? resolvedDir : resolvedDir.resolve(base));
    }

    static ContainerPath followed(Path root, String path) throws IOException {
        String absolute = absolute(path);
        return new ContainerPath(absolute, ScopedPath.resolve(root, absolute));
    }

    /** Go's filepath.Base of the absolute path: "/" for the root, "." for a path ending in "/.". */
    String baseName() {
        if (absolute.endsWith("/.")) {
            return ".";
        }
        String clean = stripTrailing(absolute);
        if (clean.isEmpty()) {
            return "/";
        }
        return clean.substring(clean.lastIndexOf('/') + 1);
    }

    /** Joined to "/", trailing "/" or "/." kept as Docker's PreserveTrailingDotOrSeparator does. */
    private static String absolute(String path) {
        String joined = "/" + path;
        StringBuilder out = new StringBuilder();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                int slash = out.lastIndexOf("/");
                out.setLength(Math.max(slash, 0));
                continue;
            }
            out.append('/').append(part);
        }
        String clean = out.length() == 0 ? "/" : out.toString();
        if ((path.endsWith("/.") || path.equals(".")) && !clean.equals("/")) {
            return clean + "/.";
        }
        if (path.endsWith("/.") || path.equals(".")) {
            return "/.";
        }
        if (path.endsWith("/") && !clean.equals("/")) {
            return clean + "/";
        }
        return clean;
    }

    private static String stripTrailing(String absolute) {
        String s = absolute.endsWith("/.") ? absolute.substring(0, absolute.length() - 2) : absolute;
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    boolean endsWithSeparator() {
        return absolute.endsWith("/") || absolute.endsWith("/.");
    }
}
