package dev.purser.engine.container;


import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.container.naming.ContainerId;
import dev.purser.engine.container.naming.ContainerLookupException;
import dev.purser.engine.container.naming.ContainerName;
import dev.purser.engine.container.naming.ContainerRef;
import dev.purser.engine.container.naming.ContainerResolver;
import dev.purser.engine.store.AtomicFile;
import dev.purser.engine.store.Directories;
import dev.purser.engine.store.StateRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Every container's record, in memory and in {@code containers/<id>/config.json}. A container
 * exists once its config.json does: a directory without one is the remains of a create or a
 * removal that did not finish, listed at load for recovery to remove.
 */
public final class ContainerStore {
    static final String CONFIG_FILE = "config.json";

    private final StateRoot root;
    private final ObjectMapper json = DockerJson.mapper();
    /** Changes to one record are atomic (compute on its key) and do not wait for other records' writes. */
    private final Map<String, Container> byId = new ConcurrentHashMap<>();
    private final List<String> orphans = new ArrayList<>();

    public ContainerStore(StateRoot root) {
        this.root = root;
        load();
    }

    private void load() {
        Path dir = root.containers();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                Path config = entry.resolve(CONFIG_FILE);
                if (!Files.isRegularFile(config)) {
                    // a create that did not finish, or a removal that did: CrashRecovery undoes what is left
                    orphans.add(entry.getFileName().toString());
                    continue;
                }
                Container c = json.readValue(config.toFile(), Container.class);
                byId.put(c.id(), c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("loading containers from " + dir, e);
        }
    }

    /** Ids of directories found at load without a record in them: remains for recovery to remove. */
    List<String> orphanDirectories() {
        return List.copyOf(orphans);
    }

    /** Records a new container (its directory exists). */
    public void insert(Container container) {
        byId.compute(container.id(), (id, existing) -> {
            if (existing != null) {
                throw new IllegalStateException("container " + id + " exists already");
            }
            write(container);
            return container;
        });
    }

    /**
     * Replaces the container's record with {@code change} of it, atomically with respect to every
     * other change of that record; nothing happens (and empty is returned) once it was removed, so
     * a late writer can never bring a removed container back.
     */
    public Optional<Container> update(String id, UnaryOperator<Container> change) {
        return Optional.ofNullable(byId.computeIfPresent(id, (k, current) -> {
            Container next = change.apply(current);
            write(next);
            return next;
        }));
    }

    private void write(Container container) {
        try {
            AtomicFile.write(directory(container.id()).resolve(CONFIG_FILE), json.writeValueAsBytes(container));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Container> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The container's record as it is now, for an operation that holds its lock: it may have been
     * removed while the operation waited, and then the answer is Docker's for a missing one
     * ({@code reference} is what the client named it by).
     */
    Container current(String id, String reference) {
        return get(id).orElseThrow(() -> ContainerLookupException.notFound(reference));
    }

    /**
     * The container a user typed: full id, unique id prefix, or name, with Docker's errors. The
     * exact id is Docker's first match, and what every internal call passes (stdin chunks,
     * output, waits): no resolver over all containers is built for it.
     */
    Container byReference(String reference) {
        Optional<Container> exact = get(reference);
        if (exact.isPresent()) {
            return exact.get();
        }
        List<ContainerRef> refs = all().stream()
                .map(c -> new ContainerRef(new ContainerId(c.id()), new ContainerName(c.name())))
                .toList();
        String id = new ContainerResolver(refs).resolve(reference).id().value();
        return get(id).orElseThrow();
    }

    /** The container of that name (Docker's form, with the leading slash), if any. */
    public Optional<Container> named(String name) {
        return byId.values().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** All containers, newest first (the order {@code docker ps} shows). */
    public List<Container> all() {
        List<Container> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(Container::created).reversed());
        return out;
    }

    /**
     * Deletes the container's files, all but its record: the first half of a removal. The record
     * stays, so a crash midway leaves a record (in state removing) that recovery finishes removing.
     */
    public void deleteFiles(String id) {
        Path dir = directory(id);
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                if (!entry.getFileName().toString().equals(CONFIG_FILE)) {
                    Directories.deleteRecursively(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + dir, e);
        }
    }

    /** Forgets the container and deletes its record and what is left of its directory. */
    public void delete(String id) {
        Path dir = directory(id);
        byId.computeIfPresent(id, (k, c) -> {
            try {
                Files.deleteIfExists(dir.resolve(CONFIG_FILE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        Directories.deleteRecursively(dir);
    }

    /** The ids of the containers, running or not, that have volume {@code name} among their mounts. */
    public List<String> volumeUsers(String name) {
        List<String> out = new ArrayList<>();
        for (Container c : all()) {
            if (c.ownMounts().stream().anyMatch(m -> m.isVolume() && m.name().equals(name))) {
                out.add(c.id());
            }
        }
        return out;
    }

    public Path directory(String id) {
        return root.container(id);
    }
}
