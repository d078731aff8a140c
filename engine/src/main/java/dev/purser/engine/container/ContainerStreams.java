package dev.purser.engine.container;

import java.util.Map;

/**
 * A container's standard streams as clients attach to them ({@code docker attach}, {@code run}
 * without {@code -d}): its output, its stdin, and the size of its terminal.
 */
public final class ContainerStreams {
    private final ContainerLookup containers;
    private final Attachments attachments;
    private final ContainerStdin stdin;
    private final ContainerEvents events;

    ContainerStreams(ContainerLookup containers, Attachments attachments,
            ContainerStdin stdin, ContainerEvents events) {
        this.containers = containers;
        this.attachments = attachments;
        this.stdin = stdin;
        this.events = events;
    }

    /**
     * Attaches to the container's output: from now on, everything its process writes goes to
     * {@code listener}, including when the container is not yet started (how {@code docker run}
     * attaches before it starts). The returned attachment ends when the process exits.
     */
    public Attachments.Attachment attach(String reference, OutputListener listener) {
        return attachments.add(containers.get(reference).id(), listener);
    }

    /** Stops delivering output to an attachment (the client went away or detached). */
    public void detach(Attachments.Attachment attachment) {
        attachments.remove(attachment);
    }

    /**
     * Writes to the container's stdin (a pipe, with OpenStdin); returns false when it has no
     * stdin or the process closed it.
     */
    public boolean writeStdin(String reference, byte[] data) {
        Container c = containers.get(reference);
        synchronized (stdin.guard(c.id())) {
            return stdin.write(c, containers.process(c.id()), data);
        }
    }

    /** Closes the container's stdin, like a client that closed its end of {@code docker run -i}. */
    public void closeStdin(String reference) {
        Container c = containers.get(reference);
        synchronized (stdin.guard(c.id())) {
            stdin.close(c, containers.process(c.id()));
        }
    }

    /** Resizes the container's terminal (a no-op without one), as {@code POST /containers/{id}/resize}. */
    public void resize(String reference, int rows, int cols) {
        Container c = containers.get(reference);
        containers.running(c).stdio.resize(rows, cols);
        // Docker tells every resize: a client (or a test) can see that the size it sent arrived
        events.publish(c, "resize", Map.of("height", Integer.toString(rows), "width", Integer.toString(cols)));
    }
}
