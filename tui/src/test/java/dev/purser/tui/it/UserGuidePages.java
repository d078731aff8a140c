package dev.purser.tui.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the repository and its user-guide pages are, seen from a test run in a module directory. */
final class UserGuidePages {
    private UserGuidePages() {}

    static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs/user-guide")) && Files.isRegularFile(dir.resolve("bin/purser"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docs/user-guide above " + Path.of("").toAbsolutePath());
    }

    /** Every *.md of docs/user-guide, by name. */
    static List<Path> files() throws IOException {
        try (Stream<Path> pages = Files.list(repository().resolve("docs/user-guide"))) {
            return pages.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
    }
}
