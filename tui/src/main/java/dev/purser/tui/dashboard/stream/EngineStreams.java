package dev.purser.tui.dashboard.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.purser.tui.client.Response;
import dev.purser.tui.client.LogOptions;
import dev.purser.tui.client.PurserClient;
import dev.purser.tui.dashboard.log.LogLine;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.schedulers.Schedulers;

/**
 * The daemon's streams as RxJava Flowables over the same client layer as the CLI: a container's
 * log, the event stream. Each pulls from its socket only as fast as it is asked (generate), runs
 * on an I/O thread, and closes its response when cancelled, which also frees the blocked reader.
 */
public final class EngineStreams {
    private final PurserClient client;

    public EngineStreams(PurserClient client) {
        this.client = client;
    }

    /**
     * The log of container {@code id} with timestamps: the last {@code tail} lines, then (with
     * {@code follow}) new lines as they come, as Docker's {@code follow=1} defines it.
     */
    public Flowable<LogLine> logs(String id, String source, boolean tty, int tail, boolean follow) {
        return logs(id, source, tty, tail, follow, null);
    }

    /** As {@link #logs(String, String, boolean, int, boolean)}, only lines before {@code until} (Docker's timestamp format) when it is not null. */
    public Flowable<LogLine> logs(String id, String source, boolean tty, int tail, boolean follow, String until) {
        return Flowable.using(
                () -> client.containers().logs(id, new LogOptions(follow, true, Integer.toString(tail), null, until)),
                response -> Flowable.generate(() -> new LogLines(response.body(), tty), (LogLines lines, io.reactivex.rxjava3.core.Emitter<LogLine> out) -> {
                    LogLines.Line line = lines.next();
                    if (line == null) out.onComplete();
                    else out.onNext(LogLine.parse(line.text(), line.stderr(), source, true));
                }),
                EngineStreams::closeQuietly, true)
                .subscribeOn(Schedulers.io());
    }

    /** {@code /containers/{id}/stats}: one document a second while the container runs. */
    public Flowable<JsonNode> stats(String id) {
        return Flowable.using(
                () -> client.engine().open("GET",
                        "/containers/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8) + "/stats?stream=true", null, null),
                response -> Flowable.generate(() -> client.engine().json().readerFor(JsonNode.class).<JsonNode>readValues(response.body()),
                        (MappingIterator<JsonNode> docs, io.reactivex.rxjava3.core.Emitter<JsonNode> out) -> {
                            if (docs.hasNextValue()) out.onNext(docs.nextValue());
                            else out.onComplete();
                        }),
                EngineStreams::closeQuietly, true)
                .subscribeOn(Schedulers.io());
    }

    /**
     * {@code /containers/{id}/top} every {@code seconds}: the Engine API has no stream of it, so
     * it is read again, only while the Top tab shows this container.
     */
    public Flowable<JsonNode> top(String id, long seconds) {
        return Flowable.interval(0, seconds, java.util.concurrent.TimeUnit.SECONDS, Schedulers.io())
                .onBackpressureDrop()
                .map(tick -> client.containers().top(id, null));
    }

    /** {@code /events} from now on, one JSON object per event. */
    public Flowable<JsonNode> events() {
        return Flowable.using(
                () -> client.system().events(null, null, java.util.List.of()),
                response -> Flowable.generate(() -> client.engine().json().readerFor(JsonNode.class).<JsonNode>readValues(response.body()),
                        (MappingIterator<JsonNode> events, io.reactivex.rxjava3.core.Emitter<JsonNode> out) -> {
                            if (events.hasNextValue()) out.onNext(events.nextValue());
                            else out.onComplete();
                        }),
                EngineStreams::closeQuietly, true)
                .subscribeOn(Schedulers.io());
    }

    private static void closeQuietly(Response response) {
        try {
            response.close();
        } catch (RuntimeException ignored) {
            // closing is how a stream is stopped; a failure here changes nothing
        }
    }
}
