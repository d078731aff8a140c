package dev.purser.engine.testing;

import dev.purser.engine.image.BusyboxRootfs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * A busybox root filesystem as a tar, built from the host's static busybox (Debian's
 * busybox-static): /bin/busybox with a link per applet, and the /etc files an image has.
 * Nothing is downloaded and no binary is committed. The making is {@link BusyboxRootfs}'s,
 * which the dashboard's first run uses too.
 */
public final class BusyboxImage {
    public static final Path BUSYBOX = Path.of("/bin/busybox");

    private BusyboxImage() {}

    public static byte[] rootfsTar() {
        return BusyboxRootfs.tar(BUSYBOX);
    }

    /** The same, with {@code executables} (path in the image, without the leading slash, to content) added. */
    public static byte[] rootfsTar(Map<String, byte[]> executables) {
        return BusyboxRootfs.tar(BUSYBOX, executables, List.of());
    }

    /** The busybox rootfs with {@code extra} entries that have no content (device nodes, directories). */
    public static byte[] rootfsTar(List<TarArchiveEntry> extra) {
        return BusyboxRootfs.tar(BUSYBOX, Map.of(), extra);
    }
}
