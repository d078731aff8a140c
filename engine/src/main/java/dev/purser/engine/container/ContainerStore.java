package dev.purser.engine.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.store.AtomicFile;
import dev.purser.engine.store.StateRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every container's record, in memory and in {@code containers/<id>/config.json}. A container
 * exists once its config.json does: a directory without one is the remains of a create that
 * did not finish, and is removed at load.
 */
public final class ContainerStore {
    private static final Logger log = LoggerFactory.getLogger(ContainerStore.class);
    static final String CONFIG_FILE = "config.json";

    private final StateRoot root;
    private final ObjectMapper json = DockerJson.mapper();
    private final Map<String, Container> byId = new LinkedHashMap<>();

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
                    log.info("removing half-created container directory {}", entry);
                    try {
                        Directories.deleteRecursively(entry);
                    } catch (UncheckedIOException e) {
                        // something still mounted in there: leave it to the operator, start anyway
                        log.warn("could not remove {}: {}", entry, e.getCause().toString());
                    }
                    continue;
                }
                Container c = json.readValue(config.toFile(), Container.class);
                byId.put(c.id(), c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("loading containers from " + dir, e);
        }
    }

    public synchronized void save(Container container) {
        try {
            AtomicFile.write(directory(container.id()).resolve(CONFIG_FILE), json.writeValueAsBytes(container));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byId.put(container.id(), container);
    }

    public synchronized Optional<Container> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The container of that name (Docker's form, with the leading slash), if any. */
    public synchronized Optional<Container> named(String name) {
        return byId.values().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** All containers, newest first (the order {@code docker ps} shows). */
    public synchronized List<Container> all() {
        List<Container> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(Container::created).reversed());
        return out;
    }

    /** Forgets the container and deletes its directory; the config goes first so a crash midway leaves no half container. */
    public synchronized void delete(String id) {
        Path dir = directory(id);
        try {
            Files.deleteIfExists(dir.resolve(CONFIG_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byId.remove(id);
        Directories.deleteRecursively(dir);
    }

    public Path directory(String id) {
        return root.container(id);
    }
}
