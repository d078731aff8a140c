package dev.purser.tui.dashboard;

import dev.purser.tui.client.PurserClient;
import dev.purser.tui.dashboard.stream.EngineStreams;

/** Every feed from the engine into the {@link DashboardState}, and what starts or stops them together. */
final class Feeds {
    final DetailFeeds detail;
    final AllLogsFeed allLogs;
    final ImagesFeed images;
    final EngineObjectsFeed engineObjects;
    final ContainerFeed containers;
    final UsageFeed usage;
    private final DashboardState state;

    Feeds(PurserClient client, UiLoop loop, Background background, DashboardState state) {
        EngineStreams streams = new EngineStreams(client);
        this.state = state;
        this.detail = new DetailFeeds(client, streams, loop, background, state);
        this.allLogs = new AllLogsFeed(client, streams, loop, state);
        this.images = new ImagesFeed(client, background, state);
        this.engineObjects = new EngineObjectsFeed(client, background, state);
        this.usage = new UsageFeed(client, loop, state);
        this.containers = new ContainerFeed(client, streams, loop, background, state, detail, allLogs, images, engineObjects);
    }

    /** Stops every stream (before a shell session and at the end); {@link #resume} starts what is shown again. */
    void stop() {
        detail.stop();
        containers.stop();
        allLogs.stop();
        usage.stop();
    }

    void resume() {
        containers.reload();
        containers.followEvents();
        if (state.view == View.ALL_LOGS) allLogs.follow();
        usage.start();
    }

    /** At the end: the threads of their own go too. */
    void close() {
        stop();
        usage.shutdown();
    }
}
