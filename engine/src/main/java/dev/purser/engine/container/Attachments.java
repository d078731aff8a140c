package dev.purser.engine.container;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The clients attached to each container's output. An attachment can be made before the
 * container starts (how {@code docker run} attaches) and ends when the process exits; a
 * listener that fails is dropped without disturbing the others.
 */
public final class Attachments {
    private final Map<String, List<Attachment>> byContainer = new ConcurrentHashMap<>();

    /** A listener attached to a container's output, and when it ended. */
    public record Attachment(String containerId, OutputListener listener, CompletableFuture<Void> ended) {}

    Attachment add(String containerId, OutputListener listener) {
        Attachment a = new Attachment(containerId, listener, new CompletableFuture<>());
        byContainer.computeIfAbsent(containerId, k -> new CopyOnWriteArrayList<>()).add(a);
        return a;
    }

    void remove(Attachment attachment) {
        List<Attachment> list = byContainer.get(attachment.containerId());
        if (list != null) {
            list.remove(attachment);
        }
        attachment.ended().complete(null);
    }

    void deliver(String containerId, StdStream stream, byte[] data, int length) {
        List<Attachment> list = byContainer.get(containerId);
        if (list == null) {
            return;
        }
        for (Attachment a : list) {
            try {
                a.listener().output(stream, data, length);
            } catch (RuntimeException e) {
                remove(a);
            }
        }
    }

    /** The process exited: every attachment of the container ends. */
    void end(String containerId) {
        List<Attachment> list = byContainer.remove(containerId);
        if (list != null) {
            list.forEach(a -> a.ended().complete(null));
        }
    }
}
