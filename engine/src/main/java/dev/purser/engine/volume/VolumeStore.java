package dev.purser.engine.volume;

import dev.purser.engine.store.Directories;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.store.AtomicFile;
import dev.purser.engine.store.StateRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The volumes on disk, {@code volumes/<name>/_data} with the record {@code volume.json} beside
 * it. A volume appears and disappears in one rename: it is built in a hidden directory
 * ({@code .new-...}) and renamed into place, and removed by being renamed aside
 * ({@code .gone-...}) before its data is deleted, so a daemon killed at any moment restarts to
 * whole volumes only; the hidden leftovers are deleted at load. No rule about who may remove a
 * volume lives here: that is {@link Volumes}'.
 */
public final class VolumeStore {
    private static final Logger log = LoggerFactory.getLogger(VolumeStore.class);
    static final String RECORD = "volume.json";
    static final String DATA = "_data";

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Volume> byName = new TreeMap<>();

    public VolumeStore(StateRoot root) {
        this.dir = root.volumes();
        load();
    }

    /** What {@link #create} did: the volume, and whether it was made now (false: it existed). */
    public record Created(Volume volume, boolean isNew) {}

    private synchronized void load() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    // a create or a removal that a crash cut short: never a volume anyone saw
                    deleteTree(entry);
                    continue;
                }
                Path record = entry.resolve(RECORD);
                if (!Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS)) {
                    log.warn("ignoring {}: not a volume (no {})", entry, RECORD);
                    continue;
                }
                Volume v = json.readValue(record.toFile(), Volume.class);
                byName.put(v.name(), withMountpoint(v));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("loading volumes from " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The record's mount point is where the volume is now (a state root may have moved). */
    private Volume withMountpoint(Volume v) {
        return new Volume(v.name(), v.driver(), dir.resolve(v.name()).resolve(DATA).toString(), v.createdAt(),
                v.labels(), v.options(), v.scope());
    }

    /**
     * The volume of that name, made now (local driver, {@code _data} 0755 root's) unless it
     * exists, in which case it is returned as it is, whatever labels were asked for (Docker's
     * rule). The name must be a valid one ({@link VolumeName#check}).
     */
    public synchronized Created create(String name, Map<String, String> labels) {
        VolumeName.check(name);
        Volume existing = byName.get(name);
        if (existing != null) {
            return new Created(existing, false);
        }
        Volume v = new Volume(name, Volume.LOCAL, dir.resolve(name).resolve(DATA).toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), labels, null, Volume.LOCAL);
        Path building = dir.resolve(".new-" + name + "-" + VolumeName.anonymous().substring(0, 12));
        try {
            Files.createDirectories(dir);
            Files.createDirectory(building, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx-----x")));
            Path data = Files.createDirectory(building.resolve(DATA));
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
            AtomicFile.write(building.resolve(RECORD), json.writeValueAsBytes(v));
            Files.move(building, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(dir);
        } catch (IOException | RuntimeException e) {
            deleteTree(building);
            throw new UncheckedIOException(new IOException("create " + name + ": " + e.getMessage(), e));
        }
        byName.put(name, v);
        return new Created(v, true);
    }

    public synchronized Optional<Volume> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every volume, by name. */
    public synchronized List<Volume> list() {
        List<Volume> out = new ArrayList<>(byName.values());
        out.sort(Comparator.comparing(Volume::name));
        return out;
    }

    /** Deletes the volume and its data; false when there was none of that name. */
    public synchronized boolean delete(String name) {
        if (!byName.containsKey(name)) {
            return false;
        }
        Path gone = dir.resolve(".gone-" + name + "-" + VolumeName.anonymous().substring(0, 12));
        try {
            Files.move(dir.resolve(name), gone, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("remove " + name + ": " + e.getMessage(), e);
        }
        byName.remove(name);
        deleteTree(gone);
        return true;
    }

    private static void syncDirectory(Path d) throws IOException {
        try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** Deletes a tree without following a symlink out of it (a volume's content is a container's). */
    private static void deleteTree(Path root) {
        try {
            Directories.deleteRecursively(root);
        } catch (UncheckedIOException e) {
            log.warn("deleting {}: {}", root, e.getCause().getMessage());
        }
    }
}
