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
 * {@code --ip-range}, {@code --internal} and {@code --label} passed to the daemon, which refuses what it does not
 * apply; prints the network's id.
 */
@Command(name = "network-create", description = "Create a network")
final class NetworkCreateCommand extends BaseCommand {
    @Option(names = {"-d", "--driver"}) String driver = "bridge";
    @Option(names = "--subnet") List<String> subnets = new ArrayList<>();
    @Option(names = "--gateway") List<String> gateways = new ArrayList<>();
    @Option(names = "--ip-range") List<String> ipRanges = new ArrayList<>();
    @Option(names = "--internal") boolean internal;
    @Option(names = "--label") List<String> labels = new ArrayList<>();
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "create [OPTIONS] NETWORK"; }

    public Integer call() {
        if (args.size() != 1) {
            throw new CliError("purser: '" + commandPath() + "' requires 1 argument\n\nUsage:  " + HelpText.synopsis(spec)
                    + "\n\nSee '" + commandPath() + " --help' for more information", 1);
        }
        if (subnets.size() < ipRanges.size() || subnets.size() < gateways.size()) {
            // docker's words when a gateway or range has no subnet to be in
            throw new CliError("every ip-range or gateway must have a corresponding subnet", 1);
        }
        if (subnets.size() > 1) {
            throw new CliError("purser does not apply more than one --subnet or --gateway per network yet", 1);
        }
        if (!ipRanges.isEmpty() && !subnetHolds(subnets.get(0), ipRanges.get(0))) {
            throw new CliError("no matching subnet for range " + ipRanges.get(0), 1);
        }
        Map<String, String> l = new LinkedHashMap<>();
        for (String v : labels) {
            int eq = v.indexOf('=');
            l.put(eq < 0 ? v : v.substring(0, eq), eq < 0 ? "" : v.substring(eq + 1));
        }
        String id = session.client().networks().create(args.get(0), driver, subnets.isEmpty() ? null : subnets.get(0),
                gateways.isEmpty() ? null : gateways.get(0), ipRanges.isEmpty() ? null : ipRanges.get(0), internal, l)
                .path("Id").asText();
        session.out.println(id);
        return 0;
    }

    /**
     * Whether the range's address lies in the subnet, as the docker CLI matches a range to its
     * subnet; text that is not IPv4 CIDR is left for the daemon to refuse.
     */
    private static boolean subnetHolds(String subnet, String range) {
        long[] s = cidr(subnet);
        long[] r = cidr(range);
        if (s == null || r == null) {
            return true;
        }
        long mask = s[1] == 0 ? 0 : (0xffffffffL << (32 - s[1])) & 0xffffffffL;
        return (s[0] & mask) == (r[0] & mask);
    }

    /** {address, prefix length} of A.B.C.D/N, or null. */
    private static long[] cidr(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 2 || !parts[1].matches("\\d{1,2}") || Integer.parseInt(parts[1]) > 32) {
            return null;
        }
        String[] quad = parts[0].split("\\.", -1);
        if (quad.length != 4) {
            return null;
        }
        long bits = 0;
        for (String q : quad) {
            if (!q.matches("\\d{1,3}") || Integer.parseInt(q) > 255) {
                return null;
            }
            bits = (bits << 8) | Integer.parseInt(q);
        }
        return new long[] {bits, Integer.parseInt(parts[1])};
    }
}
