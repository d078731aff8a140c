package dev.purser.engine.volume;

import java.util.List;

/** What a prune removed, and the bytes that freed: Docker's {@code VolumesDeleted} and {@code SpaceReclaimed}. */
public record PruneReport(List<String> volumesDeleted, long spaceReclaimed) {
    public PruneReport {
        volumesDeleted = List.copyOf(volumesDeleted);
    }
}
