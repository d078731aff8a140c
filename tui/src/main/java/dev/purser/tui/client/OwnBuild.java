package dev.purser.tui.client;

import dev.purser.engine.api.BuildId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * This client's {@link BuildId}, remembered per jar in the user's cache (beside the CDS archives
 * of {@code bin/purser}) under the jar's path, keyed by its size and modification time: taking it
 * reads the jar's 2 MB central directory, some 30 ms of every short command otherwise. A rebuild
 * changes the size or the time, and the id is taken again. Without a cache directory it is taken
 * every time, as before.
 */
final class OwnBuild {
    private OwnBuild() {}

    static Optional<BuildId> of(Class<?> type, Map<String, String> env) {
        Optional<Path> jar = BuildId.jarOf(type);
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> cacheDir = cacheDirectory(env);
        String key;
        try {
            key = Files.size(jar.get()) + " " + Files.getLastModifiedTime(jar.get()).toMillis();
        } catch (IOException e) {
            return BuildId.ofJar(jar.get());
        }
        Optional<Path> entry = cacheDir.map(d -> d.resolve(Integer.toHexString(jar.get().toAbsolutePath().toString().hashCode())));
        if (entry.isPresent()) {
            try {
                String[] cached = Files.readString(entry.get(), StandardCharsets.US_ASCII).strip().split(" ");
                if (cached.length == 3 && (cached[0] + " " + cached[1]).equals(key)) {
                    return Optional.of(new BuildId(cached[2]));
                }
            } catch (IOException e) {
                // not remembered yet
            }
        }
        Optional<BuildId> id = BuildId.ofJar(jar.get());
        if (id.isPresent() && entry.isPresent()) {
            remember(entry.get(), key + " " + id.get().value());
        }
        return id;
    }

    private static Optional<Path> cacheDirectory(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        String home = env.get("HOME");
        if (xdg != null && !xdg.isEmpty()) {
            return Optional.of(Path.of(xdg, "purser", "build-id"));
        }
        return home == null || home.isEmpty() ? Optional.empty() : Optional.of(Path.of(home, ".cache", "purser", "build-id"));
    }

    private static void remember(Path entry, String line) {
        try {
            Files.createDirectories(entry.getParent());
            Path partial = entry.resolveSibling(entry.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
            Files.writeString(partial, line + "\n", StandardCharsets.US_ASCII);
            Files.move(partial, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written is only slower
        }
    }
}
