package dev.purser.tui.dashboard;

/**
 * Gives the whole terminal to an interactive session (a shell in a container, an attach) and
 * takes it back afterwards. The real one is {@link dev.purser.tui.dashboard.terminal.HostScreen};
 * a dashboard drawn on a virtual terminal (tests) has none.
 */
public interface Handover {
    /** What to run in the container. */
    enum Kind { SHELL, ATTACH }

    /**
     * Runs the session on the calling (UI) thread and returns a sentence for the status line
     * saying how it ended ("detached from web", "shell in web exited with 0").
     */
    String run(Kind kind, String containerId, String containerName);
}
