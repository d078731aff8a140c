package dev.purser.tui.cli;

import dev.purser.tui.view.ContainerRow;
import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.Purser;
import dev.purser.tui.client.EngineConnection;
import dev.purser.tui.format.Template;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code version}: client and server sections laid out like docker's. */
@Command(name = "version", description = "Show the purser version information")
final class VersionCommand extends BaseCommand {
    @Option(names = {"-f", "--format"}) String format = "";
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "version [OPTIONS]"; }

    /** The flags above for DirectCommandLine. */
    static DirectFlags<VersionCommand> directFlags() {
        return new DirectFlags<>(VersionCommand::new)
                .text((c, v) -> c.format = v, "-f", "--format")
                .positional((c, v) -> c.args.add(v));
    }

    public Integer call() {
        requireNone(args);
        var client = ContainerRow.NODES.objectNode()
                .put("Platform", "purser").put("Version", Purser.version()).put("ApiVersion", EngineConnection.API_VERSION)
                .put("JavaVersion", System.getProperty("java.version"))
                .put("Os", System.getProperty("os.name").toLowerCase()).put("Arch", System.getProperty("os.arch"));
        var both = ContainerRow.NODES.objectNode();
        both.set("Client", client);
        RuntimeException serverError = null;
        try {
            both.set("Server", session.client().system().version());
        } catch (RuntimeException e) {
            serverError = e;
        }
        if (!format.isEmpty()) {
            session.out.println(Template.parse(format).execute(both));
        } else {
            session.out.println("Client:");
            row("Version", client.path("Version").asText());
            row("API version", client.path("ApiVersion").asText());
            row("Java version", client.path("JavaVersion").asText());
            row("OS/Arch", client.path("Os").asText() + "/" + client.path("Arch").asText());
            JsonNode server = both.path("Server");
            if (serverError == null) {
                session.out.println();
                session.out.println("Server: " + server.path("Platform").path("Name").asText("purser"));
                session.out.println(" Engine:");
                row(" Version", server.path("Version").asText());
                row(" API version", server.path("ApiVersion").asText() + " (minimum version " + server.path("MinAPIVersion").asText() + ")");
                row(" OS/Arch", server.path("Os").asText() + "/" + server.path("Arch").asText());
                row(" Kernel", server.path("KernelVersion").asText());
            }
        }
        if (serverError != null) {
            session.err.println(serverError.getMessage());
            return 1;
        }
        return 0;
    }

    private void row(String name, String value) {
        session.out.println(String.format(" %-15s%s", name + ":", value));
    }
}
