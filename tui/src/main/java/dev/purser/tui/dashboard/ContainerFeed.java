package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.PlainWords.plain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.client.PurserClient;
import dev.purser.tui.dashboard.containers.ContainerEntry;
import dev.purser.tui.dashboard.stream.EngineStreams;
import dev.purser.tui.dashboard.stream.UiBatcher;
import io.reactivex.rxjava3.core.Flowable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The container list, kept true by the engine's events: one full listing at the start (and
 * after a reconnect), then only the container an event names is read again.
 */
final class ContainerFeed {
    /** A container changed: its new entry, or empty when it is gone; or an image changed. */
    record Change(String id, Optional<ContainerEntry> entry, boolean started, boolean image) {}

    private final PurserClient client;
    private final EngineStreams streams;
    private final UiLoop loop;
    private final Background background;
    private final DashboardState state;
    private final DetailFeeds detail;
    private final AllLogsFeed allLogs;
    private final ImagesFeed images;
    private UiBatcher<Change> eventStream;

    ContainerFeed(PurserClient client, EngineStreams streams, UiLoop loop, Background background, DashboardState state,
                  DetailFeeds detail, AllLogsFeed allLogs, ImagesFeed images) {
        this.client = client;
        this.streams = streams;
        this.loop = loop;
        this.background = background;
        this.state = state;
        this.detail = detail;
        this.allLogs = allLogs;
        this.images = images;
    }

    /** A fresh listing of every container. */
    void reload() {
        background.call(() -> {
            Instant now = Instant.now();
            return client.containers().list(true, false, 0, List.of()).stream().map(s -> ContainerEntry.of(s, now)).toList();
        }, list -> {
            state.containers.replaceAll(list);
            detail.selectionChanged();
        });
    }

    void followEvents() {
        if (eventStream != null) eventStream.cancel();
        Flowable<Change> changes = streams.events()
                .filter(e -> e.path("Type").asText().equals("image")
                        || e.path("Type").asText().equals("container") && !e.path("Action").asText().startsWith("exec_"))
                .map(this::change);
        eventStream = new UiBatcher<>(loop, 256, batch -> {
            boolean imagesChanged = false;
            for (Change c : batch) {
                if (c.image()) {
                    imagesChanged = true;
                    continue;
                }
                if (c.entry().isPresent() && c.started()) state.containers.putStarted(c.entry().get());
                else if (c.entry().isPresent()) state.containers.put(c.entry().get());
                else state.containers.remove(c.id());
                if (c.started()) started(c.id());
            }
            if (state.error.startsWith("the daemon")) state.error = "";
            if (imagesChanged && state.view == View.IMAGES) images.load();
            detail.selectionChanged();
        }, end -> {
            state.error = "the daemon stopped sending events" + (end == null ? "" : " (" + plain(end) + ")") + "; reconnecting";
            loop.redraw();
            background.later(2000, () -> {
                reload();
                followEvents();
            });
        });
        changes.subscribe(eventStream);
    }

    void stop() {
        if (eventStream != null) eventStream.cancel();
        eventStream = null;
    }

    /** On the events thread: the container as it is now. */
    private Change change(JsonNode event) {
        if (event.path("Type").asText().equals("image")) return new Change("", Optional.empty(), false, true);
        String id = event.path("Actor").path("ID").asText(event.path("id").asText());
        String action = event.path("Action").asText(event.path("status").asText());
        if (action.equals("destroy")) return new Change(id, Optional.empty(), false, false);
        List<JsonNode> found = client.containers().list(true, false, 0, List.of("id=" + id));
        Optional<ContainerEntry> entry = found.stream().filter(c -> c.path("Id").asText().equals(id)).findFirst()
                .map(c -> ContainerEntry.of(c, Instant.now()));
        return new Change(id, entry, action.equals("start"), false);
    }

    private void started(String id) {
        detail.started(id);
        if (state.view == View.ALL_LOGS) allLogs.follow();
    }
}
