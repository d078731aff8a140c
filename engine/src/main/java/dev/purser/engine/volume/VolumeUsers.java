package dev.purser.engine.volume;

import java.util.List;

/** Which containers (running or not) use a volume: told by whoever keeps the containers. */
@FunctionalInterface
public interface VolumeUsers {
    /** The ids of the containers that use volume {@code name}, empty when none. */
    List<String> of(String name);
}
