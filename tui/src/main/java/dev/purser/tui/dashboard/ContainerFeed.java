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
 * after a reconnect), then only the container an event names is read again. The same stream
 * tells the images, volumes and networks views when their lists changed.
 */
final class ContainerFeed {
    /** What an event is about, as its Type says. */
    enum Subject { CONTAINER, IMAGE, VOLUME, NETWORK }

    /**
     * What an event changed: for a container its new entry, or empty when it is gone, and its
     * action; for an image, a volume or a network only that one changed (their views read their
     * lists again).
     */
    record Change(Subject subject, String id, String action, Optional<ContainerEntry> entry, boolean started) {
        /** A container made or removed changes the users the Volumes view shows, without a volume event. */
        boolean changesVolumeUsers() {
            return subject == Subject.CONTAINER && (action.equals("create") || action.equals("destroy"));
        }
    }

    private final PurserClient client;
    private final EngineStreams streams;
    private final UiLoop loop;
    private final Background background;
    private final DashboardState state;
    private final DetailFeeds detail;
    private final AllLogsFeed allLogs;
    private final ImagesFeed images;
    private final EngineObjectsFeed engineObjects;
    private UiBatcher<Change> eventStream;

    ContainerFeed(PurserClient client, EngineStreams streams, UiLoop loop, Background background, DashboardState state,
                  DetailFeeds detail, AllLogsFeed allLogs, ImagesFeed images, EngineObjectsFeed engineObjects) {
        this.client = client;
        this.streams = streams;
        this.loop = loop;
        this.background = background;
        this.state = state;
        this.detail = detail;
        this.allLogs = allLogs;
        this.images = images;
        this.engineObjects = engineObjects;
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
                .filter(e -> switch (e.path("Type").asText()) {
                    case "image", "volume", "network" -> true;
                    case "container" -> !e.path("Action").asText().startsWith("exec_");
                    default -> false;
                })
                .map(this::change);
        eventStream = new UiBatcher<>(loop, 256, batch -> {
            boolean imagesChanged = false;
            boolean volumesChanged = false;
            boolean networksChanged = false;
            for (Change c : batch) {
                volumesChanged |= c.subject() == Subject.VOLUME || c.changesVolumeUsers();
                networksChanged |= c.subject() == Subject.NETWORK;
                imagesChanged |= c.subject() == Subject.IMAGE;
                if (c.subject() != Subject.CONTAINER) continue;
                if (c.entry().isPresent() && c.started()) state.containers.putStarted(c.entry().get());
                else if (c.entry().isPresent()) state.containers.put(c.entry().get());
                else state.containers.remove(c.id());
                if (c.started()) started(c.id());
            }
            if (state.error.startsWith("the daemon")) state.error = "";
            // one read per batch and list, only for the view on screen: entering a view reads it anyway
            if (imagesChanged && state.view == View.IMAGES) images.load();
            if (volumesChanged) engineObjects.refresh(View.VOLUMES);
            if (networksChanged) engineObjects.refresh(View.NETWORKS);
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
        String id = event.path("Actor").path("ID").asText(event.path("id").asText());
        String action = event.path("Action").asText(event.path("status").asText());
        Subject subject = Subject.valueOf(event.path("Type").asText().toUpperCase(java.util.Locale.ROOT));
        if (subject != Subject.CONTAINER || action.equals("destroy")) return new Change(subject, id, action, Optional.empty(), false);
        List<JsonNode> found = client.containers().list(true, false, 0, List.of("id=" + id));
        Optional<ContainerEntry> entry = found.stream().filter(c -> c.path("Id").asText().equals(id)).findFirst()
                .map(c -> ContainerEntry.of(c, Instant.now()));
        return new Change(subject, id, action, entry, action.equals("start"));
    }

    private void started(String id) {
        detail.started(id);
        if (state.view == View.ALL_LOGS) allLogs.follow();
    }
}
