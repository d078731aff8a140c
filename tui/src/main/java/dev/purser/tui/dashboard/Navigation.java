package dev.purser.tui.dashboard;

/** Moving around: from view to view, and the selection up and down the current list. */
final class Navigation {
    private final DashboardState state;
    private final Feeds feeds;

    Navigation(DashboardState state, Feeds feeds) {
        this.state = state;
        this.feeds = feeds;
    }

    void switchView(View next) {
        if (state.view == View.ALL_LOGS && next != View.ALL_LOGS) feeds.allLogs.stop();
        state.view = next;
        state.detailFocus = false;
        if (next == View.ALL_LOGS) feeds.allLogs.follow();
        if (next == View.IMAGES) feeds.images.load();
        if (next == View.VOLUMES || next == View.NETWORKS) feeds.engineObjects.load(next);
        state.layersOpen = false;
        if (next != View.CONTAINERS) feeds.detail.stop();
        feeds.detail.selectionChanged();
    }

    void move(int rows) {
        if (state.view == View.IMAGES) {
            state.images.move(rows);
            if (state.layersOpen) feeds.images.loadLayers();
            return;
        }
        if (state.view != View.CONTAINERS) return;
        state.containers.move(rows);
        feeds.detail.selectionChanged();
    }

    void nextTab(int by) {
        int n = DetailTab.values().length;
        state.tab = DetailTab.values()[Math.floorMod(state.tab.ordinal() + by, n)];
        feeds.detail.selectionChanged();
    }

    /** Enter: the images view opens or closes the layers; the containers view moves into the detail pane. */
    void focusDetail() {
        if (state.view == View.IMAGES) {
            // the layers open with the focus, so the scroll keys move them; Esc closes them
            state.layersOpen = true;
            state.layersScroll = 0;
            state.detailFocus = true;
            feeds.images.loadLayers();
        } else if (state.containers.selected().isPresent()) {
            state.detailFocus = true;
        }
    }

    void back() {
        if (state.view == View.ALL_LOGS) switchView(View.CONTAINERS);
        if (state.view == View.IMAGES) state.layersOpen = false;
        state.detailFocus = false;
    }

    /** With mouse capture on: a click selects the row under it, the wheel moves the selection. */
    void mouse(com.googlecode.lanterna.input.MouseAction mouse) {
        switch (mouse.getActionType()) {
            case SCROLL_UP -> move(-1);
            case SCROLL_DOWN -> move(1);
            case CLICK_DOWN -> {
                if (state.view != View.CONTAINERS) return;
                // the list's header is on row 1, its first row on row 2
                var visible = state.containers.visible();
                int index = mouse.getPosition().getRow() - 2;
                if (index >= 0 && index < visible.size()) {
                    state.containers.select(visible.get(index).id());
                    feeds.detail.selectionChanged();
                }
            }
            default -> { }
        }
    }
}
