package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.guide.GuidePage;
import dev.purser.tui.guide.GuideScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every page of docs/user-guide runs as written (the rules are in docs/user-guide/README.md): its
 * {@code sh} and {@code console} blocks in one bash, in order, with {@code purser} on PATH as a
 * link to bin/purser (so the launcher is used the way the README tells a user to), against a
 * daemon of its own on a fresh state root; every command shown must print what the page shows.
 */
class UserGuideIT {
    private static final long PAGE_DEADLINE_MINUTES = 10;

    @TestFactory
    Stream<DynamicTest> everyPageOfTheUserGuideRunsAsWritten() throws IOException {
        Path repo = UserGuidePages.repository();
        assertThat(repo.resolve("tui/target/purser.jar"))
                .as("bin/purser's jar: the guide test runs after 'package' (mvn verify)").exists();
        return UserGuidePages.files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(repo, file)));
    }

    private static void run(Path repo, Path file) throws Exception {
        GuidePage page = GuidePage.read(file);
        Path scratch = Files.createTempDirectory("purser-guide-");
        try (InProcessDaemon daemon = InProcessDaemon.start()) {
            Path bin = Files.createDirectories(scratch.resolve("bin"));
            Files.createSymbolicLink(bin.resolve("purser"), repo.resolve("bin/purser"));
            Path home = Files.createDirectories(scratch.resolve("home"));
            Path work = Files.createDirectories(scratch.resolve("work"));
            Path script = scratch.resolve("page.sh");
            Files.writeString(script, GuideScript.of(page, Map.of(
                    "/run/purser/purser.sock", daemon.socket().toString(),
                    "/var/lib/purser", daemon.root().toString())));
            ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).directory(work.toFile()).redirectErrorStream(true);
            Map<String, String> env = bash.environment();
            env.remove("DOCKER_HOST");
            env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
            env.put("HOME", home.toString());
            env.put("PURSER_CONFIG", home.resolve(".purser").toString());
            env.put("PURSER_HOST", daemon.host());
            env.put("PURSER_ROOT", daemon.root().toString());
            env.put("PURSER_AUTOSTART", "0");
            // each purser command is a JVM: start it quickly (a user's default is fine, just slower)
            env.put("PURSER_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
            Process process = bash.start();
            CompletableFuture<String> transcript = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!process.waitFor(PAGE_DEADLINE_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            Optional<String> failure = GuideScript.firstFailure(page, transcript.get(1, TimeUnit.MINUTES));
            assertThat(failure).as(() -> failure.orElse("")).isEmpty();
        } finally {
            delete(scratch);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
