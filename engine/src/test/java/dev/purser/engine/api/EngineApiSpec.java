package dev.purser.engine.api;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the Engine API's v1.41 specification. */
final class EngineApiSpec {
    private EngineApiSpec() {}

    /**
     * The v1.41 swagger beside the project (its repository keeps no copy of Docker's text):
     * {@code shared/reference/} in the nearest directory above the project that has one, or
     * the file the {@code purser.engineApiSpec} property names.
     */
    static Path file() {
        String given = System.getProperty("purser.engineApiSpec");
        if (given != null) {
            return Path.of(given);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/reference/docker-engine-api-v1.41.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docker-engine-api-v1.41.yaml not found in shared/reference above "
                + Path.of("").toAbsolutePath() + "; set -Dpurser.engineApiSpec");
    }
}
