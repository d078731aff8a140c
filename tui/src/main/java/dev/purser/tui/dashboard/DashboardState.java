package dev.purser.tui.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.dashboard.containers.ContainerTable;
import dev.purser.tui.dashboard.images.ContainerLayers;
import dev.purser.tui.dashboard.images.ImageLayers;
import dev.purser.tui.dashboard.images.ImageTable;
import dev.purser.tui.dashboard.log.LogView;
import dev.purser.tui.dashboard.stats.StatsWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * What the dashboard shows and where the user is in it. Only the {@link UiLoop}'s thread reads
 * or writes it: the feeds fill it, the keys move around in it, the panes draw it.
 */
final class DashboardState {
    static final int LOG_LINES = 5_000;
    static final int INSPECT_LINES = 20_000;
    /** Stats samples kept: the last five minutes at one a second. */
    static final int STATS_WINDOW = 300;

    private final UiLoop loop;

    final ContainerTable containers = new ContainerTable();
    final ImageTable images = new ImageTable();
    /** The layers of the image last asked for, and which image that was. */
    ImageLayers layers;
    String layersFor;
    boolean layersOpen;
    final VolumesView volumes = new VolumesView();
    /** The networks view's rows (first is the header), or a sentence saying why there are none. */
    List<String[]> engineObjects = List.of();
    String engineObjectsNote = "";
    final LogView logs = new LogView(LOG_LINES);
    final LogView inspect = new LogView(INSPECT_LINES);
    final LogView allLogs = new LogView(LOG_LINES);
    /** Lines older than the live log's ring, fetched again when scrolled past its start; shown instead of it while set. */
    final LogView older = new LogView(LOG_LINES);
    boolean showingOlder;
    JsonNode top;
    /** The selected container's layers, once read (Layers tab). */
    ContainerLayers containerLayers;
    final StatsWindow stats = new StatsWindow(STATS_WINDOW);

    View view = View.CONTAINERS;
    DetailTab tab = DetailTab.LOGS;
    boolean detailFocus;
    boolean help;
    int helpOffset;
    /** The next frame is written whole: after a session the terminal shows something else entirely. */
    boolean completeRefresh;
    Prompt prompt;
    /** The run form while it is open. */
    RunForm runForm;
    /** Whether the terminal reports the mouse to the dashboard (then the terminal's own selection is off). */
    boolean mouseCapture;
    /** The first layer shown in the layers pane. */
    int layersScroll;
    /** The first row shown in the selected container's Layers tab. */
    int containerLayersScroll;

    String version = "";
    String message = "";
    String error = "";
    final List<String> warnings;

    DashboardState(UiLoop loop, List<String> warnings) {
        this.loop = loop;
        this.warnings = new ArrayList<>(warnings);
    }

    /** The log-like pane keys act on: all logs, the selected container's log, or its JSON. */
    LogView pane() {
        if (view == View.ALL_LOGS) return allLogs;
        if (tab == DetailTab.INSPECT) return inspect;
        return showingOlder ? older : logs;
    }

    /** Puts {@code what} on the status line as the last error. */
    void failed(String what) {
        error = what;
        loop.redraw();
    }
}
