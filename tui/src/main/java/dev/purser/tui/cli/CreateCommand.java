package dev.purser.tui.cli;

import picocli.CommandLine.Command;

/** {@code create}: {@code run}'s flags, prints the new container's full id. */
@Command(name = "create", description = "Create a new container")
final class CreateCommand extends RunCommand {
    @Override
    String usage() {
        return "create [OPTIONS] IMAGE [COMMAND] [ARG...]";
    }

    @Override
    boolean isRun() {
        return false;
    }
}
