package dev.purser.engine.api;

/**
 * The daemon as a process of its own, the entry point an auto-start and {@code bin/purser daemon}
 * spawn: {@link Daemon#main} without the CLI in front of it (picocli's model and the client's
 * configuration cost a fresh JVM a few hundred ms before the socket could answer; decision 0040).
 * Its refusals (a bad flag, a root another daemon holds) are one line on stderr and exit code 1,
 * as {@code purser daemon} says them.
 */
public final class DaemonProcess {
    private DaemonProcess() {}

    public static void main(String[] args) throws Exception {
        try {
            Daemon.main(args);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("purser: " + e.getMessage());
            System.exit(1);
        }
    }
}
