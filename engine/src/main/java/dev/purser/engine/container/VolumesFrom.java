package dev.purser.engine.container;

import java.util.Set;

/** One {@code --volumes-from CONTAINER[:ro|:rw]}, read as dockerd's ParseVolumesFrom reads it. */
record VolumesFrom(String container, boolean readOnly) {
    private static final Set<String> MODES = Set.of("ro", "rw");

    static VolumesFrom parse(String spec) {
        if (spec == null || spec.isEmpty()) {
            throw new IllegalArgumentException("volumes-from specification cannot be an empty string");
        }
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return new VolumesFrom(spec, false);
        }
        String mode = spec.substring(colon + 1);
        // dockerd takes no propagation, copy mode or label here: only the access mode
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("invalid mode: " + mode);
        }
        return new VolumesFrom(spec.substring(0, colon), mode.equals("ro"));
    }
}
