package dev.purser.tui.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code network disconnect [-f] NETWORK CONTAINER}: prints nothing; the daemon's refusal as docker prints it. */
@Command(name = "network-disconnect", description = "Disconnect a container from a network")
final class NetworkDisconnectCommand extends BaseCommand {
    @Option(names = {"-f", "--force"}) boolean force;
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "disconnect [OPTIONS] NETWORK CONTAINER"; }

    public Integer call() {
        requireExactly(args, 2);
        session.client().networks().disconnect(args.get(0), args.get(1), force);
        return 0;
    }
}
