package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code volume inspect}: the volumes as a JSON array indented as docker's, or one {@code -f} line each. */
@Command(name = "volume-inspect", description = "Display detailed information on one or more volumes")
final class VolumeInspectCommand extends NamedObjectInspectCommand {
    String usage() { return "inspect [OPTIONS] VOLUME [VOLUME...]"; }

    @Override
    JsonNode inspect(String name) {
        return session.client().volumes().inspect(name);
    }
}
