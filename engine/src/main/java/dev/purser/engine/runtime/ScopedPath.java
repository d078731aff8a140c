package dev.purser.engine.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves a path inside a container's root filesystem the way the container itself would see
 * it: symlinks, absolute or relative, are followed as if {@code root} were {@code /}. The host
 * reads files such as /etc/passwd through this so that a hostile image cannot point them at
 * the host's own files.
 */
public final class ScopedPath {
    private static final int MAX_LINKS = 255;

    private ScopedPath() {}

    public static Path resolve(Path root, String containerPath) throws IOException {
        Deque<String> todo = new ArrayDeque<>();
        push(todo, containerPath);
        Deque<String> done = new ArrayDeque<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.pop();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                done.pollLast();
                continue;
            }
            done.addLast(part);
            Path current = join(root, done);
            if (Files.isSymbolicLink(current)) {
                if (++links > MAX_LINKS) {
                    throw new IOException("too many levels of symbolic links: " + containerPath);
                }
                String target = Files.readSymbolicLink(current).toString();
                done.pollLast();
                if (target.startsWith("/")) {
                    done.clear();
                }
                push(todo, target);
            } else if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                // nothing further to resolve: the rest of the path is taken literally
                while (!todo.isEmpty()) {
                    String rest = todo.pop();
                    if (!rest.isEmpty() && !rest.equals(".") && !rest.equals("..")) {
                        done.addLast(rest);
                    }
                }
            }
        }
        return join(root, done);
    }

    private static void push(Deque<String> todo, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            todo.push(parts[i]);
        }
    }

    private static Path join(Path root, Deque<String> parts) {
        Path p = root;
        for (String part : parts) {
            p = p.resolve(part);
        }
        return p;
    }
}
