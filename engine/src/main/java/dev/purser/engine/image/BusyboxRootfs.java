package dev.purser.engine.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A busybox root filesystem as a tar, made from a static busybox on the host (Debian's
 * busybox-static): /bin/busybox with a link per applet, and the /etc files an image has. The
 * test images are made with it, and so is the dashboard's first-run example image: nothing is
 * downloaded and no binary is committed.
 */
public final class BusyboxRootfs {
    /** Where Debian's busybox-static puts it. */
    public static final Path HOST_BUSYBOX = Path.of("/bin/busybox");

    private BusyboxRootfs() {}

    /** Whether {@code busybox} is there and answers {@code --list}. */
    public static boolean available(Path busybox) {
        if (!Files.isExecutable(busybox)) return false;
        try {
            return !applets(busybox).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    public static byte[] tar(Path busybox) {
        return tar(busybox, Map.of(), List.of());
    }

    /**
     * The same with {@code executables} (path in the image, without the leading slash, to content)
     * added, and {@code extra} entries that have no content (device nodes, directories).
     */
    public static byte[] tar(Path busybox, Map<String, byte[]> executables, List<TarArchiveEntry> extra) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                for (String dir : List.of("bin/", "etc/", "tmp/", "root/", "home/", "var/", "var/www/", "proc/", "sys/", "dev/")) {
                    TarArchiveEntry e = new TarArchiveEntry(dir);
                    e.setMode(dir.equals("tmp/") ? 01777 : 0755);
                    tar.putArchiveEntry(e);
                    tar.closeArchiveEntry();
                }
                byte[] binary = Files.readAllBytes(busybox);
                TarArchiveEntry bin = new TarArchiveEntry("bin/busybox");
                bin.setMode(0755);
                bin.setSize(binary.length);
                tar.putArchiveEntry(bin);
                tar.write(binary);
                tar.closeArchiveEntry();
                for (String applet : applets(busybox)) {
                    if (applet.equals("busybox")) {
                        continue;
                    }
                    TarArchiveEntry link = new TarArchiveEntry("bin/" + applet, TarArchiveEntry.LF_SYMLINK);
                    link.setLinkName("busybox");
                    tar.putArchiveEntry(link);
                    tar.closeArchiveEntry();
                }
                for (Map.Entry<String, byte[]> x : executables.entrySet()) {
                    TarArchiveEntry e = new TarArchiveEntry(x.getKey());
                    e.setMode(0755);
                    e.setSize(x.getValue().length);
                    tar.putArchiveEntry(e);
                    tar.write(x.getValue());
                    tar.closeArchiveEntry();
                }
                file(tar, "etc/passwd", """
                        root:x:0:0:root:/root:/bin/sh
                        daemon:x:1:1:daemon:/usr/sbin:/bin/false
                        www-data:x:33:33:www-data:/var/www:/bin/false
                        nobody:x:65534:65534:nobody:/home:/bin/false
                        """);
                file(tar, "etc/group", """
                        root:x:0:
                        daemon:x:1:
                        www-data:x:33:
                        users:x:100:daemon
                        nogroup:x:65534:
                        """);
                for (TarArchiveEntry e : extra) {
                    tar.putArchiveEntry(e);
                    tar.closeArchiveEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void file(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(0644);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static List<String> applets(Path busybox) throws IOException {
        try {
            Process p = new ProcessBuilder(busybox.toString(), "--list").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().filter(s -> !s.isBlank()).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
