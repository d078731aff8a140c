package dev.purser.tui.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code network connect [--alias A]... [--ip IP] NETWORK CONTAINER}: prints nothing; the
 * daemon's refusal as docker prints it. {@code --ip6}, {@code --link-local-ip},
 * {@code --driver-opt}, {@code --gw-priority} and {@code --link} are not flags of purser's,
 * so they are refused naming them.
 */
@Command(name = "network-connect", description = "Connect a container to a network")
final class NetworkConnectCommand extends BaseCommand {
    @Option(names = "--alias") List<String> aliases = new ArrayList<>();
    @Option(names = "--ip") String ip;
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "connect [OPTIONS] NETWORK CONTAINER"; }

    public Integer call() {
        requireExactly(args, 2);
        session.client().networks().connect(args.get(0), args.get(1), aliases, ip == null || ip.isEmpty() ? null : ip);
        return 0;
    }
}
