package dev.purser.tui.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rename}: prints nothing on success, like docker. */
@Command(name = "rename", description = "Rename a container")
final class RenameCommand extends BaseCommand {
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "rename CONTAINER NEW_NAME"; }

    public Integer call() {
        requireExactly(args, 2);
        if (args.get(1).isBlank()) throw new CliError("Error: new name cannot be blank", 1);
        session.client().containers().rename(args.get(0), args.get(1));
        return 0;
    }
}
