package dev.purser.engine.container;

import dev.purser.engine.image.Image;
import dev.purser.engine.image.ImageStore;
import dev.purser.engine.mount.MountPoint;
import dev.purser.engine.runtime.Linux;
import dev.purser.engine.runtime.Overlay;
import dev.purser.engine.runtime.ScopedPath;
import dev.purser.engine.volume.CopyUp;
import dev.purser.engine.volume.Volume;
import dev.purser.engine.volume.Volumes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A new container's mounts, resolved as dockerd's create does: {@code --volumes-from} first
 * (every mount of the other container), then {@code Binds} and {@code Mounts} (which win over
 * those at the same destination), then {@code Config.Volumes} (the image's VOLUMEs among them)
 * as anonymous volumes where nothing else is mounted; the volumes they name are created, and
 * new ones mounted over a directory of the image are seeded with its content.
 */
final class ContainerMounts {
    private final Volumes volumes;
    private final ImageStore images;
    private final Linux linux;

    ContainerMounts(Volumes volumes, ImageStore images, Linux linux) {
        this.volumes = volumes;
        this.images = images;
        this.linux = linux;
    }

    /**
     * The mounts, checked but with no volume created yet; an IllegalArgumentException (or
     * Docker's lookup error for a {@code --volumes-from} container) changes nothing.
     */
    static List<MountPoint> plan(HostConfig host, ContainerConfig config, Function<String, Container> lookup) {
        Map<String, MountPoint> byDestination = new LinkedHashMap<>();
        for (String spec : host.volumesFrom()) {
            VolumesFrom from = VolumesFrom.parse(spec);
            Container other = lookup.apply(from.container());
            for (MountPoint m : other.ownMounts()) {
                if (m.inspected()) {
                    byDestination.put(m.destination(), m.borrowed(from.readOnly()));
                }
            }
        }
        for (MountPoint m : host.mountPoints(true)) {
            byDestination.put(m.destination(), m);
        }
        if (config.volumes() != null) {
            for (String spec : new java.util.TreeSet<>(config.volumes().keySet())) {
                String problem = spec.startsWith("/") ? null : "invalid mount path: '" + spec + "' mount path must be absolute";
                String dest = Path.of(spec).normalize().toString();
                if (dest.equals("/")) {
                    problem = "invalid specification: destination can't be '/'";
                }
                if (problem != null) {
                    throw new IllegalArgumentException("invalid mount config for type \"volume\": " + problem);
                }
                boolean tmpfs = host.tmpfs() != null && host.tmpfs().keySet().stream()
                        .anyMatch(t -> Path.of(t).normalize().toString().equals(dest));
                if (!byDestination.containsKey(dest) && !tmpfs) {
                    byDestination.put(dest, MountPoint.volume("", dest, "", true, true, null));
                }
            }
        }
        List<MountPoint> out = new ArrayList<>(byDestination.values());
        out.sort(Comparator.comparingInt(MountPoint::depth));
        return out;
    }

    /** The planned mounts with their volumes created (or found), and which of those were made for this container. */
    record Resolved(List<MountPoint> mounts, List<String> createdAnonymous) {}

    /** Creates the volumes the plan names; the caller holds {@link Volumes#guarded}. */
    Resolved createVolumes(List<MountPoint> plan) {
        List<MountPoint> out = new ArrayList<>();
        List<String> made = new ArrayList<>();
        try {
            for (MountPoint m : plan) {
                if (!m.isVolume() || !m.source().isEmpty()) {
                    out.add(m);
                    continue;
                }
                Volume v;
                if (m.name().isEmpty()) {
                    v = volumes.create(null, null, null, m.volumeLabels());
                    made.add(v.name());
                } else {
                    v = volumes.create(m.name(), null, null, m.volumeLabels());
                }
                out.add(m.withVolume(v.name(), v.mountpoint()));
            }
        } catch (RuntimeException e) {
            undo(made);
            throw e;
        }
        return new Resolved(out, made);
    }

    /** Removes the anonymous volumes a create that failed had made. */
    void undo(List<String> made) {
        for (String name : made) {
            volumes.removeIfUnused(name);
        }
    }

    /**
     * Docker's copy-up at create: each volume mount that copies data gets the image's directory
     * at its destination (resolved inside the root, never through a symlink out of it) when the
     * volume is empty. An image file where an image VOLUME would go is Docker's error.
     */
    void seed(Path containerDir, String imageId, List<MountPoint> mounts) {
        List<MountPoint> seeded = mounts.stream().filter(m -> m.isVolume() && m.copyData()).toList();
        if (seeded.isEmpty()) {
            return;
        }
        Image image = images.find(imageId).orElseThrow();
        Overlay overlay = Overlay.inContainerDirectory(containerDir, images.layerDirectories(image));
        overlay.mount(linux);
        try {
            for (MountPoint m : seeded) {
                Path inRoot = ScopedPath.resolve(overlay.merged(), m.destination());
                if (m.mode().isEmpty() && Files.exists(inRoot, LinkOption.NOFOLLOW_LINKS)
                        && !Files.isDirectory(inRoot, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IllegalArgumentException("cannot mount volume over existing file, file exists "
                            + overlay.merged().relativize(inRoot));
                }
                CopyUp.seed(inRoot, Path.of(m.source()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            overlay.unmount(linux);
        }
    }
}
