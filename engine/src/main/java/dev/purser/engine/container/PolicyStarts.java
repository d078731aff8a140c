package dev.purser.engine.container;

import dev.purser.engine.container.naming.ContainerLookupException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Docker's behaviour at daemon start: containers with restart policy {@code always} come back,
 * and {@code unless-stopped} ones unless they were stopped by hand, link targets and joined
 * networks before the containers that need them. Each is torn down first (its part of the crash
 * recovery), so this may run before the rest of the recovery (docs/decisions/0058).
 */
final class PolicyStarts {
    private static final Logger log = LoggerFactory.getLogger(PolicyStarts.class);

    private final ContainerStore store;
    private final ContainerLinks links;
    private final Function<String, Container> byReference;
    private final Predicate<String> running;
    private final CrashRecovery recovery;
    private final Consumer<String> start;

    PolicyStarts(ContainerStore store, ContainerLinks links, Function<String, Container> byReference, Predicate<String> running,
                 CrashRecovery recovery, Consumer<String> start) {
        this.store = store;
        this.links = links;
        this.byReference = byReference;
        this.running = running;
        this.recovery = recovery;
        this.start = start;
    }

    void run() {
        List<String> wanted = new ArrayList<>();
        for (Container c : store.all()) {
            String policy = c.hostConfig().restartPolicy().name();
            if ((policy.equals("always") || (policy.equals("unless-stopped") && !c.hasBeenManuallyStopped()))
                    && !running.test(c.id()) && !c.state().removalInProgress()) {
                wanted.add(c.id());
            }
        }
        // link targets and joined networks first, or their dependents would fail to start
        for (String id : StartOrder.dependenciesFirst(wanted, this::dependencies)) {
            try {
                recovery.tearDown(id);
                start.accept(id);
            } catch (RuntimeException e) {
                log.warn("starting {} by its restart policy: {}", id.substring(0, 12), e.getMessage());
            }
        }
    }

    /** The ids of the containers that must run before this one starts: its link targets, the one whose network it joins. */
    private List<String> dependencies(String id) {
        Optional<Container> c = store.get(id);
        if (c.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(links.targetIds(c.get()));
        String joined = c.get().hostConfig().networkContainer();
        if (joined != null) {
            try {
                out.add(byReference.apply(joined).id());
            } catch (ContainerLookupException e) {
                // gone: its start fails with Docker's error
            }
        }
        return out;
    }
}
