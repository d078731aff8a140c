package dev.purser.tui.dashboard.keys;

/**
 * Everything a key can do in the dashboard; each is remappable under its {@link #configName()}
 * in the config file's {@code keys} object.
 */
public enum Action {
    QUIT(Context.GLOBAL, "q", "quit the dashboard"),
    HELP(Context.GLOBAL, "?", "show every key"),
    NEXT_VIEW(Context.GLOBAL, "tab", "next view"),
    VIEW_CONTAINERS(Context.GLOBAL, "1", "containers view"),
    VIEW_IMAGES(Context.GLOBAL, "2", "images view"),
    VIEW_VOLUMES(Context.GLOBAL, "3", "volumes view"),
    VIEW_NETWORKS(Context.GLOBAL, "4", "networks view"),
    ALL_LOGS(Context.GLOBAL, "L", "all logs: every running container's log, interleaved"),
    NEXT_TAB(Context.GLOBAL, "]", "next detail tab"),
    PREVIOUS_TAB(Context.GLOBAL, "[", "previous detail tab"),
    SHELL(Context.GLOBAL, "e", "shell in the selected container (bash, else sh)"),
    ATTACH(Context.GLOBAL, "a", "attach to the selected container's main process"),
    MOUSE(Context.GLOBAL, "M", "mouse capture on / off (off: the terminal selects and copies text)"),

    UP(Context.LIST, "up", "select the row above"),
    DOWN(Context.LIST, "down", "select the row below"),
    PAGE_UP(Context.LIST, "pgup", "a page up"),
    PAGE_DOWN(Context.LIST, "pgdn", "a page down"),
    FILTER(Context.LIST, "/", "filter rows by text (Esc clears)"),
    SORT(Context.LIST, "o", "sort by the next column"),
    REVERSE_SORT(Context.LIST, "O", "reverse the sort"),
    MARK(Context.LIST, "space", "mark the row for a bulk action"),
    FOCUS_DETAIL(Context.LIST, "enter", "into the detail pane (logs, inspect)"),
    START(Context.LIST, "S", "start"),
    STOP(Context.LIST, "s", "stop"),
    RESTART(Context.LIST, "r", "restart"),
    PAUSE(Context.LIST, "p", "pause / unpause"),
    KILL(Context.LIST, "K", "kill"),
    REMOVE(Context.LIST, "d", "remove (asks first)"),
    RENAME(Context.LIST, "R", "rename"),
    RUN(Context.LIST, "c", "run a new container (a form)"),
    PRUNE(Context.LIST, "P", "prune: stopped containers, or dangling images in the images view (asks first)"),

    BACK(Context.DETAIL, "esc", "back to the list"),
    SEARCH(Context.DETAIL, "/", "search the log or the JSON"),
    NEXT_MATCH(Context.DETAIL, "n", "next match"),
    PREVIOUS_MATCH(Context.DETAIL, "N", "previous match"),
    TIMESTAMPS(Context.DETAIL, "t", "timestamps on / off"),
    WRAP(Context.DETAIL, "w", "wrap long lines on / off"),
    FOLLOW(Context.DETAIL, "f", "pause / resume following"),
    SAVE(Context.DETAIL, "s", "save the log to a file"),
    SCROLL_UP(Context.DETAIL, "up", "scroll up"),
    SCROLL_DOWN(Context.DETAIL, "down", "scroll down"),
    SCROLL_PAGE_UP(Context.DETAIL, "pgup", "a page up"),
    SCROLL_PAGE_DOWN(Context.DETAIL, "pgdn", "a page down"),
    TO_START(Context.DETAIL, "g", "to the oldest line"),
    TO_END(Context.DETAIL, "G", "to the end, following");

    private final Context context;
    private final String defaultKey;
    private final String description;

    Action(Context context, String defaultKey, String description) {
        this.context = context;
        this.defaultKey = defaultKey;
        this.description = description;
    }

    public Context context() {
        return context;
    }

    public String defaultKey() {
        return defaultKey;
    }

    public String description() {
        return description;
    }

    /** The name in the config file: {@code NEXT_VIEW} is {@code next-view}. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
