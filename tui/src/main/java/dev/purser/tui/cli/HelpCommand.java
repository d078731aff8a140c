package dev.purser.tui.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code help [COMMAND...]}: the same text as {@code COMMAND --help}; as in docker, not listed among the commands. */
@Command(name = "help", hidden = true, description = "Help about any command")
final class HelpCommand extends BaseCommand {
    @Parameters List<String> topic = new ArrayList<>();

    String usage() {
        return "help [COMMAND]";
    }

    public Integer call() {
        CommandLine at = spec.root().commandLine();
        for (int i = 0; i < topic.size(); i++) {
            CommandLine sub = at.getSubcommands().get(topic.get(i));
            if (sub == null) {
                throw new CliError("unknown help topic: " + String.join(" ", topic.subList(i, topic.size())), 1);
            }
            at = sub;
        }
        at.usage(session.out);
        return 0;
    }
}
