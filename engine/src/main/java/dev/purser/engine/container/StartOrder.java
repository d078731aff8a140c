package dev.purser.engine.container;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The order in which a daemon start brings containers back by their restart policies: each one
 * after those of the others it depends on (its link targets, the container whose network it
 * joins), as Docker waits for a container's link targets before starting it; otherwise in the
 * order given. A dependency that is not coming back is not waited for (the start then fails as
 * any start would), and a cycle, which names can make with {@code --net container:}, is broken
 * where it closes.
 */
final class StartOrder {
    private StartOrder() {}

    /** {@code ids} reordered; {@code dependencies} gives the ids a container needs running first. */
    static List<String> dependenciesFirst(List<String> ids, Function<String, List<String>> dependencies) {
        Set<String> coming = new HashSet<>(ids);
        Set<String> placed = new LinkedHashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String id : ids) {
            place(id, coming, dependencies, placed, visiting);
        }
        return new ArrayList<>(placed);
    }

    private static void place(String id, Set<String> coming, Function<String, List<String>> dependencies, Set<String> placed,
                              Set<String> visiting) {
        if (placed.contains(id) || !visiting.add(id)) {
            return;
        }
        for (String needed : dependencies.apply(id)) {
            if (coming.contains(needed)) {
                place(needed, coming, dependencies, placed, visiting);
            }
        }
        visiting.remove(id);
        placed.add(id);
    }
}
