package dev.purser.tui.client;

import java.util.List;

/** The answer to a container create: the full id and any warnings the daemon wants shown. */
public record CreatedContainer(String id, List<String> warnings) {}
