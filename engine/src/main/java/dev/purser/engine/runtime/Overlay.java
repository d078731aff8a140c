package dev.purser.engine.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A container's root filesystem: the image's layers as read-only lower directories, the
 * container's own {@code upper/} and {@code work/}, merged at {@code merged/}. Mounted in the
 * host's mount namespace so the engine can read it (e.g. /etc/passwd for {@code -u name}); the
 * native stage binds it into the container's own namespace.
 */
public record Overlay(List<Path> lowerTopFirst, Path upper, Path work, Path merged) {

    public static Overlay inContainerDirectory(Path containerDir, List<Path> lowerTopFirst) {
        return new Overlay(lowerTopFirst, containerDir.resolve("upper"), containerDir.resolve("work"),
                containerDir.resolve("merged"));
    }

    public void mount(Linux linux) {
        try {
            Files.createDirectories(upper);
            Files.createDirectories(work);
            Files.createDirectories(merged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> lowers = lowerTopFirst;
        if (lowers.isEmpty()) {
            // overlayfs needs at least one lower directory; an image with no layers gets an empty one
            Path empty = upper.resolveSibling("empty-lower");
            try {
                Files.createDirectories(empty);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lowers = List.of(empty);
        }
        String lowerdir = lowers.stream().map(Path::toString).collect(Collectors.joining(":"));
        String options = "lowerdir=" + lowerdir + ",upperdir=" + upper + ",workdir=" + work;
        try {
            linux.mount("overlay", merged.toString(), "overlay", 0, options);
        } catch (LinuxException e) {
            // the message reaches clients: it names what failed, not the state root's paths
            throw new LinuxException("mount", "overlay (the container's root filesystem)", e.errno());
        }
    }

    public void unmount(Linux linux) {
        linux.unmount(merged.toString(), Linux.MNT_DETACH);
    }

    public boolean isMounted() {
        try {
            String target = " " + merged.toAbsolutePath() + " ";
            return Files.readAllLines(Path.of("/proc/self/mounts")).stream().anyMatch(l -> l.contains(target));
        } catch (IOException e) {
            return false;
        }
    }
}
