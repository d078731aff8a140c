package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code network inspect}: the networks as a JSON array indented as docker's, or one {@code -f} line each. */
@Command(name = "network-inspect", description = "Display detailed information on one or more networks")
final class NetworkInspectCommand extends NamedObjectInspectCommand {
    String usage() { return "inspect [OPTIONS] NETWORK [NETWORK...]"; }

    @Override
    JsonNode inspect(String name) {
        return session.client().networks().inspect(name);
    }
}
