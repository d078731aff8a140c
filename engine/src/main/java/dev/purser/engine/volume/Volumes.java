package dev.purser.engine.volume;

import dev.purser.engine.event.EventBus;
import dev.purser.engine.usage.TreeSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The volume operations with Docker's rules: create (named, or anonymous with Docker's label),
 * inspect, list, remove (refused while any container uses the volume), prune, sizes for
 * {@code system df}, and Docker's volume events. Whoever adds or drops a use of a volume (a
 * container's create or removal) does it inside {@link #guarded}, so a removal can never slip
 * between a container's check and its record.
 */
public final class Volumes {
    private final VolumeStore store;
    private final VolumeUsers users;
    private final EventBus events;
    private final Object lock = new Object();

    public Volumes(VolumeStore store, VolumeUsers users, EventBus events) {
        this.store = store;
        this.users = users;
        this.events = events;
    }

    /** Runs {@code body} with no volume created or removed meanwhile by anyone else. */
    public <T> T guarded(Supplier<T> body) {
        synchronized (lock) {
            return body.get();
        }
    }

    /**
     * Docker's {@code POST /volumes/create}: a named volume ({@code name}; an existing one is
     * returned as it is) or, without a name, an anonymous one. Only the {@code local} driver,
     * and none of its options, is applied: anything else is refused naming it.
     */
    public Volume create(String name, String driver, Map<String, String> driverOpts, Map<String, String> labels) {
        boolean anonymous = name == null || name.isEmpty();
        String label = anonymous ? "anonymous volume" : name;
        if (driver != null && !driver.isEmpty() && !driver.equals(Volume.LOCAL)) {
            throw new IllegalArgumentException("create " + label + ": purser does not support the volume driver \""
                    + driver + "\" yet (only \"local\")");
        }
        if (driverOpts != null && !driverOpts.isEmpty()) {
            throw new IllegalArgumentException("create " + label + ": purser does not support the local driver's options ("
                    + String.join(", ", new java.util.TreeSet<>(driverOpts.keySet())) + ") yet");
        }
        if (!anonymous) {
            VolumeName.check(name);
        }
        Map<String, String> given = labels;
        if (anonymous) {
            given = new TreeMap<>(labels == null ? Map.of() : labels);
            given.put(Volume.ANONYMOUS_LABEL, "");
        }
        String actual = anonymous ? VolumeName.anonymous() : name;
        Map<String, String> finalLabels = given;
        return guarded(() -> {
            VolumeStore.Created c = store.create(actual, finalLabels);
            if (c.isNew()) {
                events.publish("volume", "create", actual, Map.of("driver", Volume.LOCAL));
            }
            return c.volume();
        });
    }

    public Volume get(String name) {
        return store.get(name).orElseThrow(() -> new NoSuchVolumeException(name));
    }

    public java.util.Optional<Volume> find(String name) {
        return store.get(name);
    }

    /** The volumes the filter wants, by name. */
    public List<Volume> list(VolumeFilter filter) {
        List<Volume> out = new ArrayList<>();
        for (Volume v : store.list()) {
            if (filter.matches(v, filter.asksAboutUse() && !users.of(v.name()).isEmpty())) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * Docker's {@code DELETE /volumes/{name}}: refused while a container uses it, force or not;
     * {@code force} only makes a missing volume no error.
     */
    public void remove(String name, boolean force) {
        guarded(() -> {
            if (store.get(name).isEmpty()) {
                if (force) {
                    return null;
                }
                throw new NoSuchVolumeException(name);
            }
            List<String> using = users.of(name);
            if (!using.isEmpty()) {
                throw new VolumeInUseException(name, using);
            }
            destroy(name);
            return null;
        });
    }

    /**
     * Removes the volume if it exists and no container uses it (what {@code rm -v} and
     * {@code --rm} do with a container's anonymous volumes); true when it was removed.
     */
    public boolean removeIfUnused(String name) {
        return guarded(() -> store.get(name).isPresent() && users.of(name).isEmpty() && destroy(name));
    }

    private boolean destroy(String name) {
        if (store.delete(name)) {
            events.publish("volume", "destroy", name, Map.of("driver", Volume.LOCAL));
            return true;
        }
        return false;
    }

    /** Docker's volume prune: the unused volumes the filter wants, removed; what that freed. */
    public PruneReport prune(VolumeFilter filter) {
        List<String> deleted = new ArrayList<>();
        long reclaimed = 0;
        synchronized (lock) {
            for (Volume v : store.list()) {
                if (!filter.matches(v, false) || !users.of(v.name()).isEmpty()) {
                    continue;
                }
                long size = TreeSize.of(v.data());
                if (destroy(v.name())) {
                    deleted.add(v.name());
                    reclaimed += size;
                }
            }
        }
        events.publish("volume", "prune", "", Map.of("reclaimed", Long.toString(reclaimed)));
        return new PruneReport(deleted, reclaimed);
    }

    /** Every volume with its size and number of users, for {@code system df}. */
    public List<VolumeUsage> usage() {
        List<VolumeUsage> out = new ArrayList<>();
        for (Volume v : store.list()) {
            out.add(new VolumeUsage(v, TreeSize.of(v.data()), users.of(v.name()).size()));
        }
        return out;
    }

    /** Docker's {@code mount} event, when a container that uses the volume starts. */
    public void mounted(String name, String containerId, String destination, boolean rw, String propagation) {
        events.publish("volume", "mount", name, Map.of("container", containerId, "destination", destination,
                "driver", Volume.LOCAL, "propagation", propagation == null ? "" : propagation,
                "read/write", Boolean.toString(rw)));
    }

    /** Docker's {@code unmount} event, when that container's process has ended. */
    public void unmounted(String name, String containerId) {
        events.publish("volume", "unmount", name, Map.of("container", containerId, "driver", Volume.LOCAL));
    }
}
