package dev.purser.engine.container;

import java.util.Map;
import java.util.function.Function;

/**
 * The containers as a client names them (id, id prefix or name, with Docker's errors), and the
 * process of each one while it runs: what every operation on a running container starts from.
 */
record ContainerLookup(Function<String, Container> byReference, Map<String, RunningContainer> processes) {
    Container get(String reference) {
        return byReference.apply(reference);
    }

    /** The container's process while it runs; null when it does not. */
    RunningContainer process(String id) {
        return processes.get(id);
    }

    /** The process of a running container; Docker's conflict (409) for one that does not run. */
    RunningContainer running(Container c) {
        RunningContainer rc = processes.get(c.id());
        if (rc == null) {
            throw new ContainerConflictException("Container " + c.id() + " is not running");
        }
        return rc;
    }
}
