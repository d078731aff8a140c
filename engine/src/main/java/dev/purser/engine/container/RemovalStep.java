package dev.purser.engine.container;

/**
 * The steps of a container's removal, in their order. The record is marked removing first and
 * goes last, so a daemon killed between any two steps restarts to a record that recovery
 * finishes removing.
 */
public enum RemovalStep {
    /** The record says removing (on disk). */
    MARKED,
    /** The container's process is down and its exit recorded. */
    PROCESS_DOWN,
    /** Its root filesystem is unmounted. */
    UNMOUNTED,
    /** Its cgroup is removed. */
    CGROUP_REMOVED,
    /** Its files are deleted, all but the record. */
    FILES_DELETED;

    /** Told of each step once it is done; the engine's is a no-op, tests use it to kill a daemon midway. */
    public interface Listener {
        Listener NONE = (id, step) -> { };

        void reached(String containerId, RemovalStep step);
    }

    /** The system property naming the step at which a daemon halts (a test of crash recovery sets it). */
    public static final String HALT_PROPERTY = "purser.test.halt-at-removal-step";

    /**
     * The listener the system property {@value #HALT_PROPERTY} asks for: the JVM halts, as a
     * SIGKILL would end it, once a removal reaches that step; none without the property.
     */
    public static Listener haltingAtPropertyStep() {
        String step = System.getProperty(HALT_PROPERTY);
        if (step == null || step.isEmpty()) {
            return Listener.NONE;
        }
        RemovalStep target = valueOf(step);
        return (id, reached) -> {
            if (reached == target) {
                Runtime.getRuntime().halt(137);
            }
        };
    }
}
