package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code volume create}: the name from {@code --name} (hidden, as in docker) or the argument,
 * {@code --label}, {@code --driver} and {@code --opt} passed to the daemon, which refuses what it
 * does not apply; prints the volume's name.
 */
@Command(name = "volume-create", description = "Create a volume")
final class VolumeCreateCommand extends BaseCommand {
    @Option(names = {"-d", "--driver"}) String driver = "local";
    @Option(names = "--name", hidden = true) String name = "";
    @Option(names = {"-o", "--opt"}) List<String> opts = new ArrayList<>();
    @Option(names = "--label") List<String> labels = new ArrayList<>();
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "create [OPTIONS] [VOLUME]"; }

    public Integer call() {
        if (args.size() > 1) {
            throw new CliError("purser: '" + commandPath() + "' requires at most 1 argument\n\nUsage:  " + HelpText.synopsis(spec)
                    + "\n\nSee '" + commandPath() + " --help' for more information", 1);
        }
        VolumeFlagErrors.requireLabels(spec, labels);
        String volumeName = name;
        if (args.size() == 1) {
            if (!name.isEmpty()) {
                throw new CliError("conflicting options: cannot specify a volume-name through both --name and as a positional arg", 1);
            }
            volumeName = args.get(0);
        }
        JsonNode created = session.client().volumes().create(volumeName, driver, pairs(opts), pairs(labels));
        session.out.println(created.path("Name").asText());
        return 0;
    }

    /** KEY=value (a bare KEY is an empty value), the last one of a key winning, as docker's map options. */
    private static Map<String, String> pairs(List<String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            out.put(eq < 0 ? v : v.substring(0, eq), eq < 0 ? "" : v.substring(eq + 1));
        }
        return out;
    }
}
