package dev.purser.tui.dashboard;

/** The tabs of the selected container's detail pane. */
enum DetailTab {
    LOGS("Logs"), TOP("Top"), STATS("Stats"), INSPECT("Inspect"), LAYERS("Layers");

    final String title;

    DetailTab(String title) {
        this.title = title;
    }
}
