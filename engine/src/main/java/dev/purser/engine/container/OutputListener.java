package dev.purser.engine.container;

/** Receives a process's output as it is produced. Called from the engine's reader threads: return quickly. */
@FunctionalInterface
public interface OutputListener {
    void output(StdStream stream, byte[] data, int length);
}
