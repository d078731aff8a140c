package dev.purser.engine.api;

import dev.purser.engine.container.OutputListener;
import dev.purser.engine.container.StdStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A container's output for an attach that is registered before its client's stream exists:
 * what comes first is kept, then written in order once the stream is connected.
 *
 * <p>Why: a client starts the container as soon as it has the attach response, and a short-lived
 * container (`docker run --rm busybox echo hi`) may have written, exited and been removed before
 * the endpoint could attach after sending that response. Attaching first loses nothing.
 */
final class EarlyOutput implements OutputListener {
    private record Chunk(StdStream stream, byte[] data) {}

    private final boolean stdout;
    private final boolean stderr;
    private final List<Chunk> held = new ArrayList<>();
    private StreamFrames frames;

    /** Passes on only the streams the client asked for. */
    EarlyOutput(boolean stdout, boolean stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public synchronized void output(StdStream stream, byte[] data, int length) {
        if ((stream == StdStream.STDOUT && !stdout) || (stream == StdStream.STDERR && !stderr)) {
            return;
        }
        if (frames == null) {
            held.add(new Chunk(stream, Arrays.copyOf(data, length)));
        } else {
            frames.writeNow(stream.id(), data, 0, length);
        }
    }

    /** From now on output goes to {@code connected}, starting with what was held. */
    synchronized void connect(StreamFrames connected) {
        for (Chunk chunk : held) {
            connected.writeNow(chunk.stream().id(), chunk.data(), 0, chunk.data().length);
        }
        held.clear();
        frames = connected;
    }
}
