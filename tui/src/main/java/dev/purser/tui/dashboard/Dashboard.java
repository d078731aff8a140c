package dev.purser.tui.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import dev.purser.engine.image.BusyboxRootfs;
import dev.purser.tui.client.PurserClient;
import dev.purser.tui.dashboard.firstrun.ExampleSetup;
import dev.purser.tui.dashboard.theme.Theme;
import java.nio.file.Path;

/**
 * The dashboard: puts its parts together and runs them. Everything runs on the {@link UiLoop}'s
 * thread; daemon calls run in the {@link Background} and come back as loop tasks. The screen is
 * Lanterna's {@link Screen}, drawn directly (docs/decisions/0020): no gui2 windows or widgets.
 * What is shown lives in {@link DashboardState}; the {@link Feeds} fill it from the engine, the
 * {@link KeyDispatch} acts on keys, the {@link Frame} draws it.
 */
public final class Dashboard {
    private final PurserClient client;
    private final UiLoop loop;
    private final DashboardState state;
    private final Background background;
    private final Feeds feeds;
    private final Frame frame;
    private final KeyDispatch keys;
    private final ExampleSetup examples;
    private boolean examplesOffered;
    private int ticks;
    private volatile boolean quit;

    public Dashboard(PurserClient client, Screen screen, Theme theme, DashboardSettings settings, String engineLabel, Handover handover) {
        this(client, screen, theme, settings, engineLabel, handover, BusyboxRootfs.HOST_BUSYBOX);
    }

    /** @param busybox the static busybox the first-run offer makes its example image from */
    public Dashboard(PurserClient client, Screen screen, Theme theme, DashboardSettings settings, String engineLabel, Handover handover,
                     Path busybox) {
        this.client = client;
        this.examples = new ExampleSetup(client, busybox);
        this.loop = new UiLoop(settings.refreshRate(), this::draw, this::tick, e -> state().failed("internal error: " + e));
        this.state = new DashboardState(loop, settings.warnings());
        this.background = new Background(loop, state);
        this.feeds = new Feeds(client, loop, background, state);
        this.frame = new Frame(screen, theme, settings.keys(), engineLabel, state, feeds.allLogs);
        Navigation navigation = new Navigation(state, feeds);
        ContainerActions actions = new ContainerActions(client, loop, background, state, feeds, handover, new MouseCapture(screen));
        this.keys = new KeyDispatch(settings.keys(), state, feeds, navigation, actions, frame::layout, this::quit);
    }

    public UiLoop loop() {
        return loop;
    }

    /** A key typed, from any thread. */
    public void press(KeyStroke key) {
        loop.execute(() -> {
            loop.redraw();
            keys.key(key);
        });
    }

    /** The terminal changed size, from any thread. */
    public void resized() {
        loop.execute(loop::redraw);
    }

    public boolean quitting() {
        return quit;
    }

    /** Loads the containers, follows the events, and runs the UI loop on this thread until quit. */
    public void run() {
        loop.execute(this::connect);
        loop.run();
        feeds.close();
        background.shutdown();
    }

    /** For the loop's failure handler: the loop is made before the state it reports to. */
    private DashboardState state() {
        return state;
    }

    private void connect() {
        background.call(() -> {
            JsonNode v = client.system().version();
            return v.path("Version").asText() + " (API " + v.path("ApiVersion").asText() + ")";
        }, v -> state.version = v);
        feeds.resume();
        offerExamples();
    }

    /** On an empty engine, once: make a busybox image and two example containers. */
    private void offerExamples() {
        if (examplesOffered) return;
        examplesOffered = true;
        background.call(() -> examples.possible() && examples.engineEmpty(), empty -> {
            if (!empty || state.prompt != null) return;
            state.prompt = Prompt.confirm("Nothing here yet. Make a busybox image from the host's busybox and start two examples? y/N ", () -> {
                state.message = "making " + ExampleSetup.IMAGE + " ...";
                background.call(examples::run, done -> state.message = done);
            }, () -> state.message = "");
        });
    }

    private void draw() {
        if (!frame.draw()) quit();
    }

    private void quit() {
        quit = true;
        loop.stop();
    }

    private void tick() {
        ticks++;
        // The daemon's relative times ("Up 3 minutes") age: a fresh list now and then keeps them true.
        if (ticks % 30 == 0 && state.view == View.CONTAINERS) feeds.containers.reload();
    }
}
