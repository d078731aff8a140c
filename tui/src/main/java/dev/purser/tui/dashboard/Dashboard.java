package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.Cells.pad;
import static dev.purser.tui.dashboard.Cells.put;
import static dev.purser.tui.dashboard.Cells.shares;
import static dev.purser.tui.dashboard.PlainWords.plain;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import dev.purser.tui.client.PurserClient;
import dev.purser.tui.dashboard.containers.Column;
import dev.purser.tui.dashboard.containers.ContainerEntry;
import dev.purser.tui.dashboard.containers.ContainerTable;
import dev.purser.tui.dashboard.images.ImageEntry;
import dev.purser.tui.dashboard.images.ImageLayers;
import dev.purser.tui.dashboard.images.ImageTable;
import dev.purser.tui.dashboard.images.Layer;
import dev.purser.tui.format.HumanSize;
import dev.purser.tui.dashboard.keys.Action;
import dev.purser.tui.dashboard.keys.Context;
import dev.purser.tui.dashboard.keys.KeyNames;
import dev.purser.tui.dashboard.log.LogLine;
import dev.purser.tui.dashboard.log.LogView;
import dev.purser.tui.dashboard.log.StyledText;
import dev.purser.tui.dashboard.stream.EngineStreams;
import dev.purser.tui.dashboard.stream.UiBatcher;
import dev.purser.tui.dashboard.theme.Role;
import dev.purser.tui.dashboard.theme.Style;
import dev.purser.tui.dashboard.theme.Theme;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The dashboard: what it shows and what keys do. Everything here runs on the {@link UiLoop}'s
 * thread; daemon calls run on background threads and come back as loop tasks. The screen is
 * Lanterna's {@link Screen}, drawn directly (docs/decisions/0020): no gui2 windows or widgets.
 */
public final class Dashboard {
    static final int LOG_LINES = 5_000;
    static final int LOG_TAIL = 1_000;
    static final int ALL_LOGS_TAIL = 100;
    /** Stats samples kept: the last five minutes at one a second. */
    static final int STATS_WINDOW = 300;
    private static final TextColor[] SOURCE_COLOURS = {
        TextColor.ANSI.CYAN_BRIGHT, TextColor.ANSI.GREEN_BRIGHT, TextColor.ANSI.YELLOW_BRIGHT, TextColor.ANSI.MAGENTA_BRIGHT,
        TextColor.ANSI.BLUE_BRIGHT, TextColor.ANSI.RED_BRIGHT, new TextColor.Indexed(208), new TextColor.Indexed(141),
        new TextColor.Indexed(79), new TextColor.Indexed(222)};

    private final PurserClient client;
    private final Screen screen;
    private final Theme theme;
    private final DashboardSettings settings;
    private final String engineLabel;
    private final Handover handover;
    private final UiLoop loop;
    private final EngineStreams streams;
    private final ExecutorService work = Executors.newCachedThreadPool(daemonThreads("purser-dashboard-work"));

    private final ContainerTable containers = new ContainerTable();
    private final ImageTable images = new ImageTable();
    private final VolumesView volumes = new VolumesView();
    private ImageLayers layers;
    private String layersFor;
    private boolean layersOpen;
    /** The volumes or networks view's rows (first is the header), or a sentence saying why there are none. */
    private List<String[]> engineObjects = List.of();
    private String engineObjectsNote = "";
    private final LogView logs = new LogView(LOG_LINES);
    private final LogView inspect = new LogView(20_000);
    private final LogView allLogs = new LogView(LOG_LINES);
    private final Map<String, UiBatcher<LogLine>> allLogStreams = new HashMap<>();
    private UiBatcher<LogLine> logStream;
    private UiBatcher<?> tabStream;
    private String tabStreamFor;
    private JsonNode top;
    private final dev.purser.tui.dashboard.stats.StatsWindow stats = new dev.purser.tui.dashboard.stats.StatsWindow(STATS_WINDOW);
    private UiBatcher<Change> eventStream;
    private String logsFor;
    private String inspectFor;

    private View view = View.CONTAINERS;
    private DetailTab tab = DetailTab.LOGS;
    private boolean detailFocus;
    private boolean help;
    private int helpOffset;
    /** The next frame is written whole: after a session the terminal shows something else entirely. */
    private boolean completeRefresh;
    private Prompt prompt;
    private String version = "";
    private String message = "";
    private String error = "";
    private final List<String> warnings;
    private int ticks;
    private final dev.purser.tui.dashboard.firstrun.ExampleSetup examples;
    private boolean examplesOffered;
    private volatile boolean quit;

    /** A line of text being typed at the bottom of the screen, and what to do with it. */
    private record Prompt(String label, StringBuilder text, Consumer<String> onEnter, boolean confirm) {}

    /** A container changed: its new entry, or empty when it is gone. */
    record Change(String id, Optional<ContainerEntry> entry, boolean started, boolean image) {}

    public Dashboard(PurserClient client, Screen screen, Theme theme, DashboardSettings settings, String engineLabel, Handover handover) {
        this(client, screen, theme, settings, engineLabel, handover, dev.purser.engine.image.BusyboxRootfs.HOST_BUSYBOX);
    }

    /** @param busybox the static busybox the first-run offer makes its example image from */
    public Dashboard(PurserClient client, Screen screen, Theme theme, DashboardSettings settings, String engineLabel, Handover handover,
                     java.nio.file.Path busybox) {
        this.examples = new dev.purser.tui.dashboard.firstrun.ExampleSetup(client, busybox);
        this.client = client;
        this.screen = screen;
        this.theme = theme;
        this.settings = settings;
        this.engineLabel = engineLabel;
        this.handover = handover;
        this.warnings = new ArrayList<>(settings.warnings());
        this.streams = new EngineStreams(client);
        this.loop = new UiLoop(settings.refreshRate(), this::draw, this::tick, e -> failed("internal error: " + e));
    }

    public UiLoop loop() {
        return loop;
    }

    /** A key typed, from any thread. */
    public void press(KeyStroke key) {
        loop.execute(() -> key(key));
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
        stopStreams();
        work.shutdownNow();
    }

    private void connect() {
        background(() -> {
            JsonNode v = client.system().version();
            return v.path("Version").asText() + " (API " + v.path("ApiVersion").asText() + ")";
        }, v -> version = v);
        reload();
        followEvents();
        offerExamples();
    }

    /** On an empty engine, once: make a busybox image and two example containers. */
    private void offerExamples() {
        if (examplesOffered) return;
        examplesOffered = true;
        background(() -> examples.possible() && examples.engineEmpty(), empty -> {
            if (!empty || prompt != null) return;
            prompt = new Prompt("Nothing here yet. Make a busybox image from the host's busybox and start two examples? y/N ",
                    new StringBuilder(), yes -> {
                        message = "making " + dev.purser.tui.dashboard.firstrun.ExampleSetup.IMAGE + " ...";
                        background(examples::run, done -> message = done);
                    }, true);
        });
    }

    private void reload() {
        background(() -> {
            Instant now = Instant.now();
            return client.containers().list(true, false, 0, List.of()).stream().map(s -> ContainerEntry.of(s, now)).toList();
        }, list -> {
            containers.replaceAll(list);
            selectionChanged();
        });
    }

    private void followEvents() {
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
                if (c.entry().isPresent()) containers.put(c.entry().get());
                else containers.remove(c.id());
                if (c.started()) containerStarted(c.id());
            }
            if (error.startsWith("the daemon")) error = "";
            if (imagesChanged && view == View.IMAGES) loadImages();
            selectionChanged();
        }, end -> {
            error = "the daemon stopped sending events" + (end == null ? "" : " (" + plain(end) + ")") + "; reconnecting";
            loop.redraw();
            work.execute(() -> {
                sleepQuietly(2000);
                loop.execute(() -> {
                    reload();
                    followEvents();
                });
            });
        });
        changes.subscribe(eventStream);
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

    private void containerStarted(String id) {
        if (id.equals(logsFor)) {
            logsFor = null;
            selectionChanged();
        }
        if (view == View.ALL_LOGS) followAllLogs();
    }

    // ---- what streams follows what is shown ------------------------------------------------

    /** After anything that may change the selection: stream the selected container's log. */
    private void selectionChanged() {
        loop.redraw();
        Optional<ContainerEntry> selected = containers.selected();
        String id = selected.map(ContainerEntry::id).orElse(null);
        if (view != View.CONTAINERS) return;
        if (tab == DetailTab.LOGS && !java.util.Objects.equals(id, logsFor)) followLogs(selected);
        if (tab == DetailTab.INSPECT && !java.util.Objects.equals(id, inspectFor)) loadInspect(selected);
        String wanted = (tab == DetailTab.TOP || tab == DetailTab.STATS) && id != null ? tab + " " + id : null;
        if (!java.util.Objects.equals(wanted, tabStreamFor)) followTab(wanted == null ? null : id);
    }

    /** Top and Stats stream only for the selected container, only while their tab shows. */
    private void followTab(String id) {
        if (tabStream != null) tabStream.cancel();
        tabStream = null;
        top = null;
        stats.clear();
        tabStreamFor = id == null ? null : tab + " " + id;
        if (id == null) return;
        String forWhat = tabStreamFor;
        if (tab == DetailTab.TOP) {
            UiBatcher<JsonNode> b = new UiBatcher<>(loop, 2, batch -> {
                if (forWhat.equals(tabStreamFor)) top = batch.get(batch.size() - 1);
                loop.redraw();
            }, end -> {
                if (end != null && forWhat.equals(tabStreamFor)) failed("top: " + plain(end));
            });
            tabStream = b;
            streams.top(id, 2).subscribe(b);
        } else {
            UiBatcher<JsonNode> b = new UiBatcher<>(loop, 16, batch -> {
                if (!forWhat.equals(tabStreamFor)) return;
                for (JsonNode doc : batch) stats.add(dev.purser.tui.dashboard.stats.StatsSample.of(doc));
                loop.redraw();
            }, end -> {
                if (end != null && forWhat.equals(tabStreamFor)) failed("stats: " + plain(end));
            });
            tabStream = b;
            streams.stats(id).subscribe(b);
        }
    }

    private void followLogs(Optional<ContainerEntry> selected) {
        if (logStream != null) logStream.cancel();
        logStream = null;
        logs.clear();
        logsFor = selected.map(ContainerEntry::id).orElse(null);
        if (selected.isEmpty()) return;
        String id = selected.get().id();
        boolean follow = selected.get().running() || selected.get().state().equals("paused") || selected.get().state().equals("restarting");
        Flowable<LogLine> lines = Flowable.fromCallable(() -> client.containers().inspect(id, false).path("Config").path("Tty").asBoolean())
                .subscribeOn(Schedulers.io())
                .concatMap(tty -> streams.logs(id, "", tty, LOG_TAIL, follow));
        UiBatcher<LogLine> batcher = new UiBatcher<>(loop, 2048, batch -> {
            logs.append(batch);
            loop.redraw();
        }, end -> {
            if (end != null && id.equals(logsFor)) failed("logs of " + selected.get().name() + ": " + plain(end));
        });
        logStream = batcher;
        lines.subscribe(batcher);
    }

    private void loadInspect(Optional<ContainerEntry> selected) {
        inspect.clear();
        inspectFor = selected.map(ContainerEntry::id).orElse(null);
        if (selected.isEmpty()) return;
        String id = selected.get().id();
        background(() -> client.engine().json().writerWithDefaultPrettyPrinter().writeValueAsString(client.containers().inspect(id, false)),
                json -> {
                    if (!id.equals(inspectFor)) return;
                    List<LogLine> lines = new ArrayList<>();
                    json.lines().forEach(l -> lines.add(new LogLine("", false, "", StyledText.plain(l))));
                    inspect.append(lines);
                    inspect.toStart();
                });
    }

    private void loadImages() {
        background(() -> {
            Instant now = Instant.now();
            List<ImageEntry> rows = new ArrayList<>();
            for (JsonNode image : client.images().list(false, false, List.of())) rows.addAll(ImageEntry.of(image, now));
            return rows;
        }, rows -> {
            images.replaceAll(rows);
            if (layersOpen) loadLayers();
        });
    }

    private void loadLayers() {
        Optional<ImageEntry> selected = images.selected();
        if (selected.isEmpty()) {
            layersOpen = false;
            return;
        }
        String ref = selected.get().reference();
        String id = selected.get().id();
        layersFor = ref;
        background(() -> {
            List<JsonNode> all = new ArrayList<>();
            for (JsonNode image : client.images().list(true, false, List.of())) all.add(client.images().inspect(image.path("Id").asText()));
            return ImageLayers.of(client.images().inspect(id), client.images().history(id), all);
        }, result -> {
            if (ref.equals(layersFor)) layers = result;
        });
    }

    /** The volumes or networks view: what the engine reports, or why it reports nothing. */
    private void loadEngineObjects(View which) {
        engineObjects = List.of();
        engineObjectsNote = "loading ...";
        if (which == View.VOLUMES) {
            background(() -> VolumesView.read(client), rows -> {
                volumes.replaceAll(rows);
                engineObjectsNote = "";
            });
            return;
        }
        background(() -> {
            List<String[]> rows = new ArrayList<>();
            if (which == View.VOLUMES) {
                rows.add(new String[] {"VOLUME NAME", "DRIVER", "MOUNTPOINT", "USED BY"});
                Map<String, List<String>> users = new HashMap<>();
                for (ContainerEntry c : containers.all()) {
                    for (JsonNode m : c.summary().path("Mounts")) {
                        if (m.hasNonNull("Name")) users.computeIfAbsent(m.path("Name").asText(), k -> new ArrayList<>()).add(c.name());
                    }
                }
                for (JsonNode v : client.engine().get("/volumes").path("Volumes")) {
                    String name = v.path("Name").asText();
                    rows.add(new String[] {name, v.path("Driver").asText(), v.path("Mountpoint").asText(),
                        String.join(", ", users.getOrDefault(name, List.of()))});
                }
            } else {
                rows.add(new String[] {"NETWORK ID", "NAME", "DRIVER", "SCOPE"});
                for (JsonNode n : client.engine().get("/networks")) {
                    rows.add(new String[] {dev.purser.tui.view.ContainerRow.shortId(n.path("Id").asText()), n.path("Name").asText(),
                        n.path("Driver").asText(), n.path("Scope").asText()});
                }
            }
            return rows;
        }, rows -> {
            if (view != which) return;
            engineObjects = rows;
            engineObjectsNote = rows.size() == 1 ? "none" : "";
        });
    }

    private void followAllLogs() {
        for (ContainerEntry c : containers.all()) {
            if (!c.running() || allLogStreams.containsKey(c.id())) continue;
            String name = c.name();
            String id = c.id();
            UiBatcher<LogLine> batcher = new UiBatcher<>(loop, 1024, batch -> {
                allLogs.append(batch);
                loop.redraw();
            }, end -> allLogStreams.remove(id));
            allLogStreams.put(id, batcher);
            Flowable.fromCallable(() -> client.containers().inspect(id, false).path("Config").path("Tty").asBoolean())
                    .subscribeOn(Schedulers.io())
                    .concatMap(tty -> streams.logs(id, name, tty, ALL_LOGS_TAIL, true))
                    .subscribe(batcher);
        }
    }

    private void stopAllLogs() {
        allLogStreams.values().forEach(UiBatcher::cancel);
        allLogStreams.clear();
        allLogs.clear();
    }

    /** Stops every stream (before a shell session and at the end); {@link #resumeStreams} starts what is shown again. */
    void stopStreams() {
        if (logStream != null) logStream.cancel();
        logStream = null;
        logsFor = null;
        if (eventStream != null) eventStream.cancel();
        eventStream = null;
        if (tabStream != null) tabStream.cancel();
        tabStream = null;
        tabStreamFor = null;
        stopAllLogs();
    }

    void resumeStreams() {
        reload();
        followEvents();
        if (view == View.ALL_LOGS) followAllLogs();
    }

    // ---- keys --------------------------------------------------------------------------------

    void key(KeyStroke key) {
        loop.redraw();
        if (key.getKeyType() == KeyType.EOF) {
            quit();
            return;
        }
        if (prompt != null) {
            promptKey(key);
            return;
        }
        String name = KeyNames.of(key);
        if (help) {
            // the help pages with the arrows and page keys; any other key closes it
            switch (key.getKeyType()) {
                case ArrowDown -> helpOffset += 1;
                case ArrowUp -> helpOffset = Math.max(0, helpOffset - 1);
                case PageDown -> helpOffset += Math.max(1, screen.getTerminalSize().getRows() - 6);
                case PageUp -> helpOffset = Math.max(0, helpOffset - Math.max(1, screen.getTerminalSize().getRows() - 6));
                default -> help = false;
            }
            return;
        }
        if ("ctrl-c".equals(name)) {
            message = "Ctrl-C does not quit: " + settings.keys().key(Action.QUIT) + " does";
            return;
        }
        if (view == View.IMAGES && layersOpen && "esc".equals(name)) {
            layersOpen = false;
            return;
        }
        Context context = detailFocus || view == View.ALL_LOGS ? Context.DETAIL : Context.LIST;
        Optional<Action> action = settings.keys().action(name, context);
        if (action.isEmpty()) return;
        message = "";
        perform(action.get());
    }

    private void perform(Action action) {
        switch (action) {
            case QUIT -> quit();
            case HELP -> {
                help = true;
                helpOffset = 0;
            }
            case NEXT_VIEW -> switchView(View.values()[(view.ordinal() + 1) % 4]);
            case VIEW_CONTAINERS -> switchView(View.CONTAINERS);
            case VIEW_IMAGES -> switchView(View.IMAGES);
            case VIEW_VOLUMES -> switchView(View.VOLUMES);
            case VIEW_NETWORKS -> switchView(View.NETWORKS);
            case ALL_LOGS -> switchView(view == View.ALL_LOGS ? View.CONTAINERS : View.ALL_LOGS);
            case NEXT_TAB, PREVIOUS_TAB -> {
                int n = DetailTab.values().length;
                tab = DetailTab.values()[(tab.ordinal() + (action == Action.NEXT_TAB ? 1 : n - 1)) % n];
                selectionChanged();
            }
            case SHELL -> handOver(Handover.Kind.SHELL);
            case ATTACH -> handOver(Handover.Kind.ATTACH);
            case UP -> move(-1);
            case DOWN -> move(1);
            case PAGE_UP -> move(-pageRows());
            case PAGE_DOWN -> move(pageRows());
            case FILTER -> prompt = new Prompt("filter: ", new StringBuilder(containers.filter()), text -> {
                containers.filter(text);
                selectionChanged();
            }, false);
            case SORT -> {
                containers.nextSort();
                message = "sorted by " + containers.sort().header().toLowerCase(java.util.Locale.ROOT);
            }
            case REVERSE_SORT -> containers.reverse();
            case MARK -> {
                containers.toggleMark();
                move(1);
            }
            case FOCUS_DETAIL -> {
                if (view == View.IMAGES) {
                    layersOpen = !layersOpen;
                    if (layersOpen) loadLayers();
                } else if (containers.selected().isPresent()) {
                    detailFocus = true;
                }
            }
            case START -> act("start", c -> client.containers().start(c.id()));
            case STOP -> act("stop", c -> client.containers().stop(c.id(), null, null));
            case RESTART -> act("restart", c -> client.containers().restart(c.id(), null, null));
            case PAUSE -> act("pause/unpause", c -> {
                if (c.state().equals("paused")) client.containers().unpause(c.id());
                else client.containers().pause(c.id());
            });
            case KILL -> act("kill", c -> client.containers().kill(c.id(), null));
            case REMOVE -> {
                if (view == View.IMAGES) confirmImageRemove();
                else if (view == View.VOLUMES) confirmVolume(volumes.selected().map(VolumesView::removeQuestion).orElse(null),
                        () -> { String n = volumes.selected().get().name(); client.volumes().remove(n, false); return "removed volume " + n; });
                else confirmRemove();
            }
            case PRUNE -> {
                if (view == View.VOLUMES) confirmVolume(VolumesView.pruneQuestion(), () -> VolumesView.prune(client));
            }
            case RENAME -> containers.selected().ifPresent(c -> prompt = new Prompt("rename " + c.name() + " to: ", new StringBuilder(), to -> {
                if (!to.isBlank()) act("rename", List.of(c), x -> client.containers().rename(x.id(), to.strip()));
            }, false));
            case BACK -> {
                if (view == View.ALL_LOGS) switchView(View.CONTAINERS);
                detailFocus = false;
            }
            case SEARCH -> prompt = new Prompt("search: ", new StringBuilder(pane().query()), text -> {
                if (!pane().search(text) && !text.isEmpty()) message = "no line matches \"" + text + "\"";
            }, false);
            case NEXT_MATCH -> { if (!pane().next()) message = "no later match"; }
            case PREVIOUS_MATCH -> { if (!pane().previous()) message = "no earlier match"; }
            case TIMESTAMPS -> pane().toggleTimestamps();
            case WRAP -> pane().toggleWrap();
            case FOLLOW -> {
                pane().toggleFollow();
                message = pane().following() ? "following" : "paused; " + settings.keys().key(Action.FOLLOW) + " follows again";
            }
            case SAVE -> saveLog();
            case SCROLL_UP -> pane().scroll(-1);
            case SCROLL_DOWN -> pane().scroll(1);
            case SCROLL_PAGE_UP -> pane().scroll(-detailRows());
            case SCROLL_PAGE_DOWN -> pane().scroll(detailRows());
            case TO_START -> pane().toStart();
            case TO_END -> pane().toEnd();
        }
    }

    private void promptKey(KeyStroke key) {
        Prompt p = prompt;
        if (p.confirm()) {
            prompt = null;
            if (key.getKeyType() == KeyType.Character && (key.getCharacter() == 'y' || key.getCharacter() == 'Y')) p.onEnter().accept("y");
            else message = p.label().startsWith("Nothing here yet") ? "" : "not removed";
            return;
        }
        switch (key.getKeyType()) {
            case Escape -> {
                prompt = null;
                if (p.label().startsWith("filter")) {
                    containers.filter("");
                    selectionChanged();
                }
                if (p.label().startsWith("search")) pane().search("");
            }
            case Enter -> {
                prompt = null;
                p.onEnter().accept(p.text().toString());
            }
            case Backspace -> {
                if (p.text().length() > 0) p.text().setLength(p.text().length() - 1);
                if (p.label().startsWith("filter")) containers.filter(p.text().toString());
            }
            case Character -> {
                if (key.isCtrlDown() || key.isAltDown()) return;
                p.text().append(key.getCharacter());
                if (p.label().startsWith("filter")) containers.filter(p.text().toString());
            }
            default -> { }
        }
    }

    private LogView pane() {
        if (view == View.ALL_LOGS) return allLogs;
        return tab == DetailTab.INSPECT ? inspect : logs;
    }

    private void switchView(View next) {
        if (view == View.ALL_LOGS && next != View.ALL_LOGS) stopAllLogs();
        view = next;
        detailFocus = false;
        if (next == View.ALL_LOGS) followAllLogs();
        if (next == View.IMAGES) loadImages();
        if (next == View.VOLUMES || next == View.NETWORKS) loadEngineObjects(next);
        layersOpen = false;
        if (next != View.CONTAINERS) {
            if (logStream != null) logStream.cancel();
            logStream = null;
            logsFor = null;
            if (tabStream != null) tabStream.cancel();
            tabStream = null;
            tabStreamFor = null;
        }
        selectionChanged();
    }

    private void move(int rows) {
        if (view == View.IMAGES) {
            images.move(rows);
            if (layersOpen) loadLayers();
            return;
        }
        if (view == View.VOLUMES) volumes.move(rows);
        if (view != View.CONTAINERS) return;
        containers.move(rows);
        selectionChanged();
    }

    private void confirmRemove() {
        List<ContainerEntry> targets = containers.targets();
        if (targets.isEmpty()) return;
        String names = String.join(", ", targets.stream().map(ContainerEntry::name).toList());
        prompt = new Prompt("remove " + names + (targets.stream().anyMatch(ContainerEntry::running) ? " (running: forced)" : "")
                + "? y/N ", new StringBuilder(), yes -> {
            act("remove", targets, c -> client.containers().remove(c.id(), true, false, false));
            containers.clearMarks();
        }, true);
    }

    private void confirmImageRemove() {
        Optional<ImageEntry> selected = images.selected();
        if (selected.isEmpty()) return;
        String ref = selected.get().reference().endsWith(":<none>") ? selected.get().id() : selected.get().reference();
        prompt = new Prompt("remove image " + ref + "? y/N ", new StringBuilder(), yes -> {
            message = "removing " + ref + " ...";
            work.execute(() -> {
                try {
                    client.images().remove(ref, false, false);
                    loop.execute(() -> {
                        message = "removed " + ref;
                        loadImages();
                    });
                } catch (RuntimeException e) {
                    loop.execute(() -> failed("remove " + ref + ": " + plain(e)));
                }
            });
        }, true);
    }

    /** Asks {@code question} (nothing when null); on y runs {@code call} in the background, shows its words and re-reads the volumes. */
    private void confirmVolume(String question, java.util.concurrent.Callable<String> call) {
        if (question == null) return;
        prompt = new Prompt(question, new StringBuilder(), yes -> {
            message = "working ...";
            work.execute(() -> {
                try {
                    String done = call.call();
                    loop.execute(() -> {
                        message = done;
                        loadEngineObjects(View.VOLUMES);
                    });
                } catch (Exception e) {
                    loop.execute(() -> failed(plain(e)));
                }
            });
        }, true);
    }

    private void act(String what, Consumer<ContainerEntry> action) {
        act(what, containers.targets(), action);
    }

    /** Runs {@code action} on each target in the background; failures land on the status line in the daemon's words. */
    private void act(String what, List<ContainerEntry> targets, Consumer<ContainerEntry> action) {
        if (targets.isEmpty()) return;
        message = what + " " + String.join(", ", targets.stream().map(ContainerEntry::name).toList()) + " ...";
        for (ContainerEntry c : targets) {
            work.execute(() -> {
                try {
                    action.accept(c);
                    loop.execute(() -> {
                        if (message.startsWith(what)) message = what + " " + c.name() + ": done";
                        loop.redraw();
                    });
                } catch (RuntimeException e) {
                    loop.execute(() -> failed(what + " " + c.name() + ": " + plain(e)));
                }
            });
        }
    }

    private void handOver(Handover.Kind kind) {
        Optional<ContainerEntry> selected = containers.selected();
        if (view != View.CONTAINERS || selected.isEmpty()) return;
        if (!selected.get().running()) {
            failed(selected.get().name() + " is not running");
            return;
        }
        if (handover == null) {
            failed("no terminal to hand over");
            return;
        }
        stopStreams();
        String result = handover.run(kind, selected.get().id(), selected.get().name());
        completeRefresh = true;
        message = result;
        if (result.startsWith("could not") || result.startsWith("no ")) {
            error = result;
            message = "";
        }
        resumeStreams();
        loop.redraw();
    }

    private void saveLog() {
        ContainerEntry c = containers.selected().orElse(null);
        String name = view == View.ALL_LOGS ? "all" : c == null ? "none" : c.name();
        Path file = Path.of("purser-" + name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".log");
        try {
            pane().save(file);
            message = "saved " + pane().ring().size() + " lines to " + file.toAbsolutePath();
        } catch (IOException e) {
            failed("could not save the log: " + e.getMessage());
        }
    }

    private void quit() {
        quit = true;
        loop.stop();
    }

    private void failed(String what) {
        error = what;
        loop.redraw();
    }

    private void tick() {
        ticks++;
        // The daemon's relative times ("Up 3 minutes") age: a fresh list now and then keeps them true.
        if (ticks % 30 == 0 && view == View.CONTAINERS) reload();
    }

    private <T> void background(java.util.concurrent.Callable<T> call, Consumer<T> then) {
        work.execute(() -> {
            try {
                T value = call.call();
                loop.execute(() -> {
                    then.accept(value);
                    loop.redraw();
                });
            } catch (dev.purser.tui.client.DaemonError e) {
                if (e.isNotFound() && (view == View.VOLUMES || view == View.NETWORKS)) {
                    loop.execute(() -> {
                        engineObjectsNote = "This engine has no " + (view == View.VOLUMES ? "volumes" : "networks") + " yet ("
                                + e.daemonMessage() + ").";
                        loop.redraw();
                    });
                } else {
                    loop.execute(() -> failed(plain(e)));
                }
            } catch (Exception e) {
                loop.execute(() -> failed(plain(e)));
            }
        });
    }

    // ---- drawing -----------------------------------------------------------------------------

    private int pageRows() {
        return Math.max(1, listRows() - 1);
    }

    private int listRows() {
        TerminalSize size = screen.getTerminalSize();
        return Math.max(3, (size.getRows() - 4) * 2 / 5);
    }

    private int detailRows() {
        return Math.max(1, screen.getTerminalSize().getRows() - 4 - listRows() - 1);
    }

    void draw() {
        TerminalSize size = screen.doResizeIfNecessary();
        if (size == null) size = screen.getTerminalSize();
        TextGraphics g = screen.newTextGraphics();
        int w = size.getColumns();
        int h = size.getRows();
        theme.style(Role.NORMAL).applyTo(g);
        g.fill(' ');
        drawViewTabs(g, w);
        int body = h - 2;
        switch (view) {
            case CONTAINERS -> {
                int listH = listRows();
                drawContainers(g, 1, w, listH);
                drawDetail(g, 1 + listH, w, body - listH);
            }
            case ALL_LOGS -> drawAllLogs(g, 1, w, body);
            case IMAGES -> {
                int listH = layersOpen ? listRows() : body;
                drawImages(g, 1, w, listH);
                if (layersOpen) drawLayers(g, 1 + listH, w, body - listH);
            }
            case VOLUMES -> volumes.draw(g, theme, 1, w, body, engineObjectsNote);
            default -> drawEngineObjects(g, 1, w, body);
        }
        drawStatus(g, h - 1, w);
        if (help) drawHelp(g, w, h);
        try {
            screen.refresh(completeRefresh ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
            completeRefresh = false;
        } catch (IOException e) {
            quit();
        }
    }

    private void drawViewTabs(TextGraphics g, int w) {
        int col = 0;
        for (View v : View.values()) {
            if (v == View.ALL_LOGS && view != View.ALL_LOGS) continue;
            String label = v == View.ALL_LOGS ? " All logs " : " " + (v.ordinal() + 1) + " " + v.title + " ";
            col = put(g, col, 0, w, label, theme.style(v == view ? Role.TAB_ACTIVE : Role.TAB));
        }
        if (view == View.CONTAINERS && !containers.filter().isEmpty()) {
            col = put(g, col + 1, 0, w, " filter \"" + containers.filter() + "\" ", theme.style(Role.WARNING));
        }
        String right = "? help  " + settings.keys().key(Action.QUIT) + " quit ";
        if (w - right.length() > col) put(g, w - right.length(), 0, w, right, theme.style(Role.TAB));
    }

    private void drawContainers(TextGraphics g, int y, int w, int height) {
        List<ContainerEntry> rows = containers.shown();
        int[] widths = widths(w - 2);
        Style header = theme.style(Role.HEADER);
        int col = 2;
        Column[] columns = Column.values();
        put(g, 0, y, 2, "  ", header);
        for (int i = 0; i < columns.length; i++) {
            String title = columns[i].header() + (containers.sort() == columns[i] ? (containers.reversed() ? "↑" : "↓") : "");
            col = put(g, col, y, Math.min(w, col + widths[i]), pad(title, widths[i]), header);
        }
        int visible = height - 1;
        if (rows.isEmpty()) {
            String empty = containers.filter().isEmpty()
                    ? (containers.size() == 0 ? "No containers yet. Run one: purser run -d --name web busybox httpd -f -p 80" : "")
                    : "No container matches \"" + containers.filter() + "\" (Esc in the filter clears it)";
            put(g, 2, y + 1, w, empty, theme.style(Role.DIM));
            return;
        }
        int first = containers.scrollFor(visible);
        int selected = containers.selectedIndex();
        for (int r = 0; r < visible && first + r < rows.size(); r++) {
            ContainerEntry e = rows.get(first + r);
            boolean isSelected = first + r == selected;
            boolean marked = containers.isMarked(e.id());
            Style base = theme.style(isSelected ? Role.SELECTED : Role.NORMAL);
            int row = y + 1 + r;
            put(g, 0, row, 2, marked ? "* " : "  ", marked ? theme.style(Role.MARKED) : base);
            col = 2;
            for (int i = 0; i < columns.length; i++) {
                Style style = base;
                if (columns[i] == Column.STATUS && !isSelected) style = theme.style(Role.ofState(e.state(), e.exitCode()));
                if (columns[i] == Column.NAME && marked && !isSelected) style = theme.style(Role.MARKED);
                col = put(g, col, row, Math.min(w, col + widths[i]), pad(columns[i].text(e), widths[i]), style);
            }
            if (col < w) put(g, col, row, w, pad("", w - col), base);
        }
    }

    /** Column widths for {@code w} cells: each column's share, at least its header. */
    private static int[] widths(int w) {
        Column[] columns = Column.values();
        int total = 0;
        for (Column c : columns) total += c.width() + 1;
        int[] out = new int[columns.length];
        int used = 0;
        for (int i = 0; i < columns.length; i++) {
            out[i] = Math.max(4, (columns[i].width() + 1) * w / total);
            used += out[i];
        }
        out[columns.length - 1] += Math.max(0, w - used);
        return out;
    }

    private void drawDetail(TextGraphics g, int y, int w, int height) {
        Optional<ContainerEntry> selected = containers.selected();
        Style border = theme.style(Role.BORDER);
        put(g, 0, y, w, "─".repeat(w), border);
        int col = 1;
        for (DetailTab t : DetailTab.values()) {
            col = put(g, col, y, w, " " + t.title + " ", theme.style(t == tab ? (detailFocus ? Role.TAB_ACTIVE : Role.HEADER) : Role.TAB));
        }
        String about = selected.map(c -> " " + c.name() + " · " + c.state() + " ").orElse(" no container selected ");
        col = put(g, col + 1, y, w, about, theme.style(Role.DIM));
        LogView pane = pane();
        String flags = (pane.following() ? "" : " paused") + (pane.wrapping() ? " wrap" : "") + (pane.showingTimestamps() ? " time" : "")
                + (pane.query().isEmpty() ? "" : " /" + pane.query() + " (" + pane.matchCount() + ")");
        if (!flags.isEmpty() && w - flags.length() - 1 > col) put(g, w - flags.length() - 1, y, w, flags + " ", theme.style(Role.DIM));
        if (selected.isEmpty()) return;
        switch (tab) {
            case TOP -> drawTop(g, y + 1, w, height - 1);
            case STATS -> drawStats(g, y + 1, w, height - 1);
            default -> pane.draw(g, 0, y + 1, w, height - 1, theme, this::sourceColour);
        }
    }

    private void drawTop(TextGraphics g, int y, int w, int height) {
        if (top == null) {
            put(g, 2, y, w, "reading the processes ...", theme.style(Role.DIM));
            return;
        }
        List<String> titles = new ArrayList<>();
        top.path("Titles").forEach(t -> titles.add(t.asText()));
        int[] widths = new int[titles.size()];
        for (int i = 0; i < titles.size(); i++) widths[i] = Math.max(titles.get(i).length(), 3) + 2;
        for (JsonNode p : top.path("Processes")) {
            for (int i = 0; i < titles.size() && i < p.size(); i++) widths[i] = Math.max(widths[i], Math.min(24, p.get(i).asText().length() + 2));
        }
        if (widths.length > 0) widths[widths.length - 1] = Math.max(8, w - 2 - java.util.Arrays.stream(widths).sum() + widths[widths.length - 1]);
        drawHeader(g, y, w, titles.toArray(String[]::new), widths);
        int r = 1;
        for (JsonNode p : top.path("Processes")) {
            if (r >= height) break;
            int col = 2;
            for (int i = 0; i < titles.size() && i < p.size(); i++) col = put(g, col, y + r, Math.min(w, col + widths[i]), pad(p.get(i).asText(), widths[i]), theme.style(Role.NORMAL));
            r++;
        }
    }

    private void drawStats(TextGraphics g, int y, int w, int height) {
        dev.purser.tui.dashboard.stats.StatsSample last = stats.latest();
        if (last == null) {
            put(g, 2, y, w, "waiting for the first sample ...", theme.style(Role.DIM));
            return;
        }
        int spark = Math.max(10, w - 34);
        String[] labels = {"CPU", "MEM", "PIDS"};
        String[] values = {String.format("%6.2f%%", last.cpuPercent()),
            HumanSize.binary(last.memory()) + (last.memoryLimit() > 0 ? " / " + HumanSize.binary(last.memoryLimit()) : ""),
            Long.toString(last.pids())};
        String[] lines = {stats.sparkline(dev.purser.tui.dashboard.stats.StatsSample::cpuPercent, 0, spark),
            stats.sparkline(dev.purser.tui.dashboard.stats.StatsSample::memory, 0, spark),
            stats.sparkline(s -> s.pids(), 0, spark)};
        for (int i = 0; i < labels.length && 2 * i < height; i++) {
            int col = put(g, 2, y + 2 * i, w, pad(labels[i], 6), theme.style(Role.HEADER));
            col = put(g, col, y + 2 * i, w, pad(values[i], 26), theme.style(Role.NORMAL));
            put(g, col, y + 2 * i, w, lines[i], theme.style(Role.RUNNING));
        }
        if (2 * labels.length < height) {
            put(g, 2, y + 2 * labels.length, w, stats.size() + " samples, one a second; the last " + STATS_WINDOW + " are kept", theme.style(Role.DIM));
        }
    }

    private void drawAllLogs(TextGraphics g, int y, int w, int height) {
        long running = containers.running();
        String title = " all logs: " + allLogStreams.size() + " of " + running + " running containers";
        put(g, 0, y, w, pad(title, w), theme.style(Role.HEADER));
        allLogs.draw(g, 0, y + 1, w, height - 1, theme, this::sourceColour);
    }

    private void drawImages(TextGraphics g, int y, int w, int height) {
        String[] headers = {"REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"};
        String[] fields = {"Repository", "Tag", "ID", "CreatedSince", "Size"};
        int[] widths = shares(w - 2, new int[] {30, 14, 14, 16, 10});
        drawHeader(g, y, w, headers, widths);
        if (!images.loaded()) return;
        if (images.rows().isEmpty()) {
            put(g, 2, y + 1, w, "No images. Make one from the host's busybox: see docs/user-guide/chapter-2.md", theme.style(Role.DIM));
            return;
        }
        int visible = height - 1;
        int first = images.scrollFor(visible);
        int selected = images.selectedIndex();
        for (int r = 0; r < visible && first + r < images.rows().size(); r++) {
            ImageEntry e = images.rows().get(first + r);
            Style style = theme.style(first + r == selected ? Role.SELECTED : Role.NORMAL);
            int col = put(g, 0, y + 1 + r, 2, "  ", style);
            for (int i = 0; i < fields.length; i++) col = put(g, col, y + 1 + r, Math.min(w, col + widths[i]), pad(e.field(fields[i]), widths[i]), style);
            if (col < w) put(g, col, y + 1 + r, w, pad("", w - col), style);
        }
    }

    private void drawLayers(TextGraphics g, int y, int w, int height) {
        put(g, 0, y, w, "─".repeat(w), theme.style(Role.BORDER));
        ImageLayers shown = layers != null && images.selected().isPresent() && layers.imageId().equals(images.selected().get().id()) ? layers : null;
        String title = images.selected().map(e -> " Layers of " + e.reference() + " ").orElse(" Layers ");
        int col = put(g, 1, y, w, title, theme.style(Role.HEADER));
        if (shown == null) {
            put(g, col + 1, y, w, " reading ... ", theme.style(Role.DIM));
            return;
        }
        long total = shown.layers().stream().mapToLong(Layer::size).sum();
        String summary = " " + shown.layers().stream().filter(l -> !l.diffId().isEmpty()).count() + " layers, " + HumanSize.of(total)
                + (shown.savedBySharing() > 0 ? "; sharing saves " + HumanSize.of(shown.savedBySharing()) + " of disk" : "; no layer shared") + " ";
        put(g, col + 1, y, w, summary, theme.style(Role.DIM));
        String[] headers = {"SIZE", "SHARED BY", "CREATED BY"};
        int[] widths = {10, 16, Math.max(10, w - 2 - 26)};
        drawHeader(g, y + 1, w, headers, widths);
        for (int r = 0; r < height - 2 && r < shown.layers().size(); r++) {
            Layer l = shown.layers().get(r);
            String shared = l.diffId().isEmpty() ? "(no layer)" : l.sharedBy() == 1 ? "this image" : l.sharedBy() + " images";
            Style style = theme.style(l.sharedBy() > 1 ? Role.RUNNING : l.diffId().isEmpty() ? Role.DIM : Role.NORMAL);
            int c = put(g, 0, y + 2 + r, 2, "  ", style);
            c = put(g, c, y + 2 + r, c + widths[0], pad(HumanSize.of(l.size()), widths[0]), style);
            c = put(g, c, y + 2 + r, c + widths[1], pad(shared, widths[1]), style);
            put(g, c, y + 2 + r, w, l.createdBy().replace('\t', ' '), style);
        }
    }

    private void drawEngineObjects(TextGraphics g, int y, int w, int height) {
        if (engineObjects.isEmpty()) {
            put(g, 2, y + 1, w, engineObjectsNote, theme.style(Role.DIM));
            return;
        }
        String[] headers = engineObjects.get(0);
        int[] widths = shares(w - 2, view == View.VOLUMES ? new int[] {24, 10, 40, 26} : new int[] {14, 24, 12, 10});
        drawHeader(g, y, w, headers, widths);
        if (!engineObjectsNote.isEmpty()) put(g, 2, y + 1, w, engineObjectsNote, theme.style(Role.DIM));
        for (int r = 1; r < engineObjects.size() && r < height; r++) {
            int col = 2;
            String[] row = engineObjects.get(r);
            for (int i = 0; i < row.length; i++) col = put(g, col, y + r, Math.min(w, col + widths[i]), pad(row[i], widths[i]), theme.style(Role.NORMAL));
        }
    }

    private void drawHeader(TextGraphics g, int y, int w, String[] headers, int[] widths) {
        Style header = theme.style(Role.HEADER);
        int col = put(g, 0, y, 2, "  ", header);
        for (int i = 0; i < headers.length; i++) col = put(g, col, y, Math.min(w, col + widths[i]), pad(headers[i], widths[i]), header);
        if (col < w) put(g, col, y, w, pad("", w - col), header);
    }

    private TextColor sourceColour(String source) {
        return SOURCE_COLOURS[Math.floorMod(source.hashCode(), SOURCE_COLOURS.length)];
    }

    private void drawStatus(TextGraphics g, int y, int w) {
        if (prompt != null) {
            String text = prompt.label() + prompt.text();
            put(g, 0, y, w, pad(text, w), theme.style(Role.WARNING));
            screen.setCursorPosition(prompt.confirm() ? null : new TerminalPosition(Math.min(w - 1, text.length()), y));
            return;
        }
        screen.setCursorPosition(null);
        String engine = " " + engineLabel + (version.isEmpty() ? "" : " " + version) + " · " + containers.size() + " containers, "
                + containers.running() + " running ";
        String note;
        Role role;
        if (!error.isEmpty()) {
            note = " " + error + " ";
            role = Role.ERROR;
        } else if (!warnings.isEmpty()) {
            note = " " + warnings.get(0) + (warnings.size() > 1 ? " (+" + (warnings.size() - 1) + " more, ? shows them)" : "") + " ";
            role = Role.WARNING;
        } else {
            note = message.isEmpty() ? "" : " " + message + " ";
            role = Role.STATUS;
        }
        // what just happened or went wrong comes first: the engine's description can be cut, it cannot
        int col = put(g, 0, y, w, note, theme.style(role));
        col = put(g, col, y, w, engine, theme.style(Role.STATUS));
        if (col < w) put(g, col, y, w, pad("", w - col), theme.style(Role.STATUS));
    }

    private void drawHelp(TextGraphics g, int w, int h) {
        List<String> lines = new ArrayList<>();
        lines.add("Keys (remap them in config.json under \"keys\"; Esc closes this)");
        Context last = null;
        for (Action a : Action.values()) {
            if (a.context() != last) {
                last = a.context();
                lines.add(switch (last) {
                    case GLOBAL -> "everywhere";
                    case LIST -> "in the list";
                    case DETAIL -> "in the detail pane and all logs";
                });
            }
            String key = settings.keys().key(a);
            lines.add(String.format("  %-8s %-16s %s", key.isEmpty() ? "(none)" : key, a.configName(), a.description()));
        }
        for (String warning : warnings) lines.add("! " + warning);
        int boxW = Math.min(w - 2, lines.stream().mapToInt(String::length).max().orElse(20) + 4);
        int boxH = Math.min(h - 2, lines.size() + 2);
        int x = Math.max(0, (w - boxW) / 2);
        int y = Math.max(0, (h - boxH) / 2);
        Style style = theme.style(Role.NORMAL);
        Style border = theme.style(Role.BORDER);
        put(g, x, y, x + boxW, "┌" + "─".repeat(boxW - 2) + "┐", border);
        int shown = boxH - 2;
        boolean more = lines.size() > shown;
        int body = more ? shown - 1 : shown;
        helpOffset = Math.max(0, Math.min(helpOffset, Math.max(0, lines.size() - body)));
        for (int i = 0; i < shown; i++) {
            int index = helpOffset + i;
            String line = i == body && more
                    ? "  ↑↓ PgUp PgDn: more (" + (helpOffset + 1) + "–" + Math.min(lines.size(), helpOffset + body) + " of " + lines.size() + ")"
                    : index < lines.size() ? lines.get(index) : "";
            put(g, x, y + 1 + i, x + 1, "│", border);
            Style s = line.startsWith("! ") ? theme.style(Role.WARNING) : (line.startsWith("  ") ? style : theme.style(Role.HEADER));
            put(g, x + 1, y + 1 + i, x + boxW - 1, pad(" " + line, boxW - 2), s);
            put(g, x + boxW - 1, y + 1 + i, x + boxW, "│", border);
        }
        put(g, x, y + boxH - 1, x + boxW, "└" + "─".repeat(boxW - 2) + "┘", border);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
