package dev.purser.tui.dashboard;

import dev.purser.tui.client.PurserClient;
import dev.purser.tui.dashboard.containers.ContainerEntry;
import dev.purser.tui.dashboard.log.LogLine;
import dev.purser.tui.dashboard.stream.EngineStreams;
import dev.purser.tui.dashboard.stream.UiBatcher;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.HashMap;
import java.util.Map;

/** The all-logs view's feed: one log stream per running container, each line tagged with its name. */
final class AllLogsFeed {
    static final int TAIL = 100;

    private final PurserClient client;
    private final EngineStreams streams;
    private final UiLoop loop;
    private final DashboardState state;
    private final Map<String, UiBatcher<LogLine>> followed = new HashMap<>();

    AllLogsFeed(PurserClient client, EngineStreams streams, UiLoop loop, DashboardState state) {
        this.client = client;
        this.streams = streams;
        this.loop = loop;
        this.state = state;
    }

    /** Follows every running container not followed yet. */
    void follow() {
        for (ContainerEntry c : state.containers.all()) {
            if (!c.running() || followed.containsKey(c.id())) continue;
            String name = c.name();
            String id = c.id();
            UiBatcher<LogLine> batcher = new UiBatcher<>(loop, 1024, batch -> {
                state.allLogs.append(batch);
                loop.redraw();
            }, end -> followed.remove(id));
            followed.put(id, batcher);
            Flowable.fromCallable(() -> client.containers().inspect(id, false).path("Config").path("Tty").asBoolean())
                    .subscribeOn(Schedulers.io())
                    .concatMap(tty -> streams.logs(id, name, tty, TAIL, true))
                    .subscribe(batcher);
        }
    }

    /** How many containers' logs are followed now. */
    int followed() {
        return followed.size();
    }

    void stop() {
        followed.values().forEach(UiBatcher::cancel);
        followed.clear();
        state.allLogs.clear();
    }
}
