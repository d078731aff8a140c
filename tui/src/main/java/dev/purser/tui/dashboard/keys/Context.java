package dev.purser.tui.dashboard.keys;

/** Where a key binding applies: everywhere, in a list, or in the detail pane (logs, inspect). */
public enum Context { GLOBAL, LIST, DETAIL }
