package dev.purser.tui.it;

import dev.purser.tui.it.InProcessDaemon.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A docker-compatible command line that {@link ChapterTwoContract} drives: the purser CLI, or the
 * stock docker CLI against purser's daemon or against a reference dockerd.
 */
interface ContractClient {
    /** Runs the client's command {@code args} to its end. */
    Result run(String... args);

    /** A directory for the files a test writes (a saved image). */
    Path scratch();

    /** The stock docker CLI with DOCKER_HOST pointing at {@code host}. */
    static ContractClient docker(String host, Path scratch) {
        return new ContractClient() {
            @Override
            public Result run(String... args) {
                List<String> cmd = new ArrayList<>(List.of("docker"));
                cmd.addAll(List.of(args));
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                pb.environment().put("DOCKER_HOST", host);
                pb.environment().put("DOCKER_CONFIG", scratch.resolve("docker-config").toString());
                pb.environment().remove("DOCKER_CONTEXT");
                Path out = scratch.resolve("docker.out");
                Path err = scratch.resolve("docker.err");
                pb.redirectOutput(out.toFile()).redirectError(err.toFile());
                try {
                    Process p = pb.start();
                    if (!p.waitFor(120, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                        throw new AssertionError("docker " + String.join(" ", args) + " did not finish within 120 s");
                    }
                    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public Path scratch() {
                return scratch;
            }
        };
    }
}
