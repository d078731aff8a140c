package dev.purser.tui.cli;

import dev.purser.tui.client.Containers;
import dev.purser.tui.client.CreatedContainer;
import picocli.CommandLine.Command;

/** {@code create}: run's container flags (not its -d, --detach-keys, --sig-proxy), prints the new container's full id. */
@Command(name = "create", description = "Create a new container")
final class CreateCommand extends NewContainerCommand {
    @Override
    String usage() {
        return "create [OPTIONS] IMAGE [COMMAND] [ARG...]";
    }

    @Override
    boolean detached() {
        return true;
    }

    @Override
    CliError createFailed(RuntimeException e) {
        // as docker: create reports a failed create as any error (1)
        return new CliError(String.valueOf(e.getMessage()), 1);
    }

    @Override
    int created(Containers containers, CreatedContainer created) {
        session.out.println(created.id());
        return 0;
    }
}
