package dev.purser.engine.testing;

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
 * A busybox root filesystem as a tar, built from the host's static busybox (Debian's
 * busybox-static): /bin/busybox with a link per applet, and the /etc files an image has.
 * Nothing is downloaded and no binary is committed.
 */
public final class BusyboxImage {
    public static final Path BUSYBOX = Path.of("/bin/busybox");

    private BusyboxImage() {}

    public static byte[] rootfsTar() {
        return rootfsTar(Map.of(), List.of());
    }

    /** The same, with {@code executables} (path in the image, without the leading slash, to content) added. */
    public static byte[] rootfsTar(Map<String, byte[]> executables) {
        return rootfsTar(executables, List.of());
    }

    /** The busybox rootfs with {@code extra} entries that have no content (device nodes, directories). */
    public static byte[] rootfsTar(List<TarArchiveEntry> extra) {
        return rootfsTar(Map.of(), extra);
    }

    private static byte[] rootfsTar(Map<String, byte[]> executables, List<TarArchiveEntry> extra) {
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
                byte[] busybox = Files.readAllBytes(BUSYBOX);
                TarArchiveEntry bin = new TarArchiveEntry("bin/busybox");
                bin.setMode(0755);
                bin.setSize(busybox.length);
                tar.putArchiveEntry(bin);
                tar.write(busybox);
                tar.closeArchiveEntry();
                for (String applet : applets()) {
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

    private static List<String> applets() throws IOException {
        try {
            Process p = new ProcessBuilder(BUSYBOX.toString(), "--list").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().filter(s -> !s.isBlank()).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
