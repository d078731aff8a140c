package dev.purser.tui.dashboard;

import static dev.purser.tui.dashboard.Cells.pad;
import static dev.purser.tui.dashboard.Cells.put;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.Screen;
import dev.purser.tui.dashboard.keys.Action;
import dev.purser.tui.dashboard.keys.KeyBindings;
import dev.purser.tui.dashboard.theme.Role;
import dev.purser.tui.dashboard.theme.Theme;
import java.io.IOException;

/** One whole frame: the view tabs, the current view laid out by {@link Layout}, the status line, the help on top. */
final class Frame {
    private final Screen screen;
    private final Theme theme;
    private final KeyBindings keys;
    private final DashboardState state;
    private final AllLogsFeed allLogs;
    private final ContainerListPane containerList;
    private final DetailPane detail;
    private final ImagesPane images;
    private final EngineObjectsPane engineObjects;
    private final StatusLine status;
    private final HelpOverlay help;
    private final RunFormPane runForm;

    Frame(Screen screen, Theme theme, KeyBindings keys, String engineLabel, DashboardState state, AllLogsFeed allLogs) {
        this.screen = screen;
        this.theme = theme;
        this.keys = keys;
        this.state = state;
        this.allLogs = allLogs;
        this.containerList = new ContainerListPane(theme);
        this.detail = new DetailPane(theme);
        this.images = new ImagesPane(theme);
        this.engineObjects = new EngineObjectsPane(theme);
        this.status = new StatusLine(theme, engineLabel);
        this.help = new HelpOverlay(theme, keys);
        this.runForm = new RunFormPane(theme);
    }

    Layout layout() {
        return Layout.of(screen.getTerminalSize());
    }

    /** Draws and writes the frame; false when the terminal can no longer be written. */
    boolean draw() {
        TerminalSize resized = screen.doResizeIfNecessary();
        TerminalSize size = resized == null ? screen.getTerminalSize() : resized;
        Layout layout = Layout.of(size);
        TextGraphics g = screen.newTextGraphics();
        int w = size.getColumns();
        int h = size.getRows();
        theme.style(Role.NORMAL).applyTo(g);
        g.fill(' ');
        drawViewTabs(g, w);
        int body = layout.body();
        switch (state.view) {
            case CONTAINERS -> {
                int listH = layout.listRows();
                containerList.draw(g, state.containers, 1, w, listH);
                detail.draw(g, state, 1 + listH, w, body - listH);
            }
            case ALL_LOGS -> drawAllLogs(g, 1, w, body);
            case IMAGES -> {
                int listH = state.layersOpen ? layout.listRows() : body;
                images.drawList(g, state.images, 1, w, listH);
                if (state.layersOpen) images.drawLayers(g, state, 1 + listH, w, body - listH);
            }
            case VOLUMES -> state.volumes.draw(g, theme, 1, w, body, state.engineObjectsNote);
            default -> engineObjects.draw(g, state.view, state.engineObjects, state.engineObjectsNote, 1, w, body);
        }
        status.draw(g, screen, state, h - 1, w);
        if (state.runForm != null) runForm.draw(g, screen, state.runForm, w, h);
        if (state.help) help.draw(g, state, w, h);
        try {
            // after a resize the terminal shows its own reflow of the old frame, which a delta
            // against Lanterna's buffer of it would leave in place
            screen.refresh(state.completeRefresh || resized != null ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
            state.completeRefresh = false;
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void drawViewTabs(TextGraphics g, int w) {
        int col = 0;
        for (View v : View.values()) {
            if (v == View.ALL_LOGS && state.view != View.ALL_LOGS) continue;
            String label = v == View.ALL_LOGS ? " All logs " : " " + (v.ordinal() + 1) + " " + v.title + " ";
            col = put(g, col, 0, w, label, theme.style(v == state.view ? Role.TAB_ACTIVE : Role.TAB));
        }
        if (state.view == View.CONTAINERS && !state.containers.filter().isEmpty()) {
            col = put(g, col + 1, 0, w, " filter \"" + state.containers.filter() + "\" ", theme.style(Role.WARNING));
        }
        String right = "? help  " + keys.key(Action.QUIT) + " quit ";
        if (w - right.length() > col) put(g, w - right.length(), 0, w, right, theme.style(Role.TAB));
    }

    private void drawAllLogs(TextGraphics g, int y, int w, int height) {
        String title = " all logs: " + allLogs.followed() + " of " + state.containers.running() + " running containers";
        put(g, 0, y, w, pad(title, w), theme.style(Role.HEADER));
        state.allLogs.draw(g, 0, y + 1, w, height - 1, theme, SourceColours::of);
    }
}
