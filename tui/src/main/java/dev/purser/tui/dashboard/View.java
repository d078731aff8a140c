package dev.purser.tui.dashboard;

/** The dashboard's main views, switched with Tab or 1–4; all logs is its own view. */
enum View {
    CONTAINERS("Containers"), IMAGES("Images"), VOLUMES("Volumes"), NETWORKS("Networks"), ALL_LOGS("All logs");

    final String title;

    View(String title) {
        this.title = title;
    }
}
