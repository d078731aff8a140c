package dev.purser.engine.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Seccomp filters (the stage's text format, engine/src/main/c/README.md) compiled to BPF by the
 * native stage's libseccomp, once per distinct filter: libseccomp takes tens of milliseconds for
 * Docker's profile on three architectures, loading the program takes none. The programs are
 * kept beside the stage binary, named by the filter's hash, so a new stage (a new libseccomp)
 * compiles afresh and containers with the same capabilities share one program.
 */
public final class SeccompPrograms {
    private final Path stageBinary;
    private final Path dir;

    public SeccompPrograms(Path stageBinary) {
        this.stageBinary = stageBinary;
        this.dir = stageBinary.resolveSibling(stageBinary.getFileName() + ".seccomp");
    }

    /** The BPF program for {@code filterText}, compiled now if it was not before. */
    public Path compiled(String filterText) {
        byte[] text = filterText.getBytes(StandardCharsets.US_ASCII);
        Path program = dir.resolve(sha256(text) + ".bpf");
        if (Files.exists(program)) {
            return program;
        }
        try {
            Files.createDirectories(dir);
            // the stage renames its output into place; concurrent compiles of one filter both succeed
            Path source = Files.createTempFile(dir, "filter.", ".txt");
            try {
                Files.write(source, text);
                Process p = new ProcessBuilder(stageBinary.toString(), "seccomp-compile", source.toString(), program.toString())
                        .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("compiling a seccomp filter did not finish");
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("compiling the seccomp filter failed: " + out);
                }
            } finally {
                Files.deleteIfExists(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling a seccomp filter", e);
        }
        return program;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
