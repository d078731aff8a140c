package dev.purser.tui.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code network create}: a bridge network with {@code --subnet}, {@code --gateway},
 * {@code --internal} and {@code --label} passed to the daemon, which refuses what it does not
 * apply; prints the network's id.
 */
@Command(name = "network-create", description = "Create a network")
final class NetworkCreateCommand extends BaseCommand {
    @Option(names = {"-d", "--driver"}) String driver = "bridge";
    @Option(names = "--subnet") List<String> subnets = new ArrayList<>();
    @Option(names = "--gateway") List<String> gateways = new ArrayList<>();
    @Option(names = "--internal") boolean internal;
    @Option(names = "--label") List<String> labels = new ArrayList<>();
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "create [OPTIONS] NETWORK"; }

    public Integer call() {
        if (args.size() != 1) {
            throw new CliError("purser: '" + commandPath() + "' requires 1 argument\n\nUsage:  " + HelpText.synopsis(spec)
                    + "\n\nSee '" + commandPath() + " --help' for more information", 1);
        }
        if (subnets.size() > 1 || gateways.size() > 1) {
            throw new CliError("purser does not apply more than one --subnet or --gateway per network yet", 1);
        }
        if (!gateways.isEmpty() && subnets.isEmpty()) {
            // docker's words when a gateway has no subnet to be in
            throw new CliError("every ip-range or gateway must have a corresponding subnet", 1);
        }
        Map<String, String> l = new LinkedHashMap<>();
        for (String v : labels) {
            int eq = v.indexOf('=');
            l.put(eq < 0 ? v : v.substring(0, eq), eq < 0 ? "" : v.substring(eq + 1));
        }
        String id = session.client().networks().create(args.get(0), driver, subnets.isEmpty() ? null : subnets.get(0),
                gateways.isEmpty() ? null : gateways.get(0), internal, l).path("Id").asText();
        session.out.println(id);
        return 0;
    }
}
