package dev.purser.engine.testing;

import java.nio.file.Path;

/**
 * A busybox root filesystem as a tar, built from the host's static busybox (Debian's
 * busybox-static): /bin/busybox with a link per applet, and the /etc files an image has.
 * Nothing is downloaded and no binary is committed. The making is {@link
 * dev.purser.engine.image.BusyboxRootfs}'s, which the dashboard's first run uses too.
 */
public final class BusyboxImage {
    public static final Path BUSYBOX = Path.of("/bin/busybox");

    private BusyboxImage() {}

    public static byte[] rootfsTar() {
        return dev.purser.engine.image.BusyboxRootfs.tar(BUSYBOX);
    }
}
