package dev.purser.tui.dashboard.theme;

/** What a piece of the screen is, as far as colour goes; each is a style name in a theme file. */
public enum Role {
    NORMAL, SELECTED, HEADER, TAB, TAB_ACTIVE, STATUS, WARNING, ERROR, MARKED, MATCH, STDERR, DIM, BORDER,
    RUNNING, PAUSED, RESTARTING, EXITED_ERROR, EXITED, CREATED;

    /** The role for a container's state, as the Engine API names it ("running", "exited", ...). */
    public static Role ofState(String state, int exitCode) {
        return switch (state) {
            case "running" -> RUNNING;
            case "paused" -> PAUSED;
            case "restarting" -> RESTARTING;
            case "exited", "dead" -> exitCode == 0 ? EXITED : EXITED_ERROR;
            case "created" -> CREATED;
            default -> NORMAL;
        };
    }
}
