package dev.purser.engine.log;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one container's json-file log lives: {@code <id>-json.log} being written, and the rotated
 * {@code <id>-json.log.1} (newest) to {@code .N} (oldest) next to it, Docker's layout.
 */
public record LogFileSet(Path current) {
    public static LogFileSet forContainer(Path containerDir, String containerId) {
        return new LogFileSet(containerDir.resolve(containerId + "-json.log"));
    }

    /** The {@code n}-th rotated file; 1 is the most recently rotated. */
    public Path rotated(int n) {
        return current.resolveSibling(current.getFileName() + "." + n);
    }

    /** Existing files oldest first, ending with the current one (even if it does not exist yet). */
    public List<Path> oldestFirst() {
        List<Path> rotated = new ArrayList<>();
        for (int n = 1; Files.exists(rotated(n)); n++) {
            rotated.add(0, rotated(n));
        }
        rotated.add(current);
        return rotated;
    }
}
