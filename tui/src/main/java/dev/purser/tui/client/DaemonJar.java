package dev.purser.tui.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The jar a daemon runs from: a copy of purser's jar under the state root named by its content
 * hash ({@code <root>/bin/purser-<sha256>.jar}, as the stage binary is), so a rebuild that
 * rewrites the jar in place never changes the classes under a running daemon. {@code bin/purser
 * daemon} names its copy the same way.
 */
public final class DaemonJar {
    private DaemonJar() {}

    /** The copy of {@code jar} under {@code root}, made when it is not there yet. */
    public static Path copyUnder(Path root, Path jar) {
        try {
            Path bin = root.resolve("bin");
            JarHashes known = new JarHashes(bin.resolve(JarHashes.FILE));
            String key = JarHashes.keyOf(jar);
            Optional<String> seen = known.get(key);
            if (seen.isPresent() && Files.isRegularFile(copyNamed(bin, seen.get()))) {
                return copyNamed(bin, seen.get());
            }
            String hash = sha256(jar);
            Path target = copyNamed(bin, hash);
            if (Files.isRegularFile(target)) {
                known.put(key, hash);
                return target;
            }
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), ".purser-", ".jar.partial");
            try {
                Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            known.put(key, hash);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("copying " + jar + " under " + root + ": " + e.getMessage(), e);
        }
    }

    private static Path copyNamed(Path bin, String sha256) {
        return bin.resolve("purser-" + sha256.substring(0, 16) + ".jar");
    }

    /** This process's jar, when its class path is one jar (the shaded purser.jar). */
    public static Optional<Path> ofThisProcess(String classPath) {
        if (classPath == null || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    /**
     * The jar's SHA-256, from coreutils' {@code sha256sum} when the host has it: a fresh JVM, which
     * has compiled nothing yet, took 1.4-2.4 s over the 20 MB jar (sha256sum: 75 ms of CPU), and an
     * auto-start paid that before it could spawn the daemon (decision 0040). The JVM's digest
     * otherwise; both give the same hex, as {@code bin/purser}'s does.
     */
    static String sha256(Path file) throws IOException {
        Optional<String> coreutils = sha256sum(file);
        return coreutils.isPresent() ? coreutils.get() : javaSha256(file);
    }

    private static Optional<String> sha256sum(Path file) {
        Path tool = Path.of("/usr/bin/sha256sum");
        if (!Files.isExecutable(tool)) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder(tool.toString(), "--", file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String hex = out.length() >= 64 ? out.substring(0, 64) : "";
            return p.exitValue() == 0 && hex.matches("[0-9a-f]{64}") ? Optional.of(hex) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static String javaSha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
