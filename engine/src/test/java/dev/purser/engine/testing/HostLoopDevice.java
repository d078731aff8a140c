package dev.purser.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A host loop device (losetup, util-linux) over a file with known content: the block device a
 * container must not reach. Closing detaches it and removes the file. Needs root.
 */
public final class HostLoopDevice implements AutoCloseable {
    /** What the backing file starts with; the rest is zeros. */
    public static final String CONTENT = "host-secret-data\n";

    private final Path file;
    private final String device;
    private final int major;
    private final int minor;

    private HostLoopDevice(Path file, String device, int major, int minor) {
        this.file = file;
        this.device = device;
        this.major = major;
        this.minor = minor;
    }

    public static HostLoopDevice attach() {
        try {
            Path file = Files.createDirectories(Path.of("/tmp/purser-it")).resolve("loop-" + UUID.randomUUID() + ".img");
            byte[] data = new byte[64 * 1024];
            byte[] head = CONTENT.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(head, 0, data, 0, head.length);
            Files.write(file, data);
            String device = run("losetup", "--find", "--show", file.toString()).strip();
            String[] dev = Files.readString(Path.of("/sys/class/block", Path.of(device).getFileName().toString(), "dev"))
                    .strip().split(":");
            return new HostLoopDevice(file, device, Integer.parseInt(dev[0]), Integer.parseInt(dev[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String device() {
        return device;
    }

    public int major() {
        return major;
    }

    public int minor() {
        return minor;
    }

    /** The backing file's first bytes, as long as {@link #CONTENT}. */
    public String head() {
        try {
            byte[] all = Files.readAllBytes(file);
            return new String(all, 0, CONTENT.length(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            run("losetup", "--detach", device);
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
