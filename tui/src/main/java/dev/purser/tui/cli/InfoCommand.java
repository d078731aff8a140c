package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.format.Template;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code info}: the daemon's summary in docker's layout (the common fields). */
@Command(name = "info", description = "Display system-wide information")
final class InfoCommand extends BaseCommand {
    @Option(names = {"-f", "--format"}) String format = "";
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "info [OPTIONS]"; }

    public Integer call() {
        requireNone(args);
        JsonNode info = session.client().system().info();
        if (!format.isEmpty()) {
            session.out.println(Template.parse(format.equals("json") ? "{{json .}}" : format).execute(info));
            return 0;
        }
        var o = session.out;
        o.println("Client: purser");
        o.println(" Version:    " + dev.purser.tui.Purser.version());
        o.println();
        o.println("Server:");
        o.println(" Containers: " + info.path("Containers").asLong());
        o.println("  Running: " + info.path("ContainersRunning").asLong());
        o.println("  Paused: " + info.path("ContainersPaused").asLong());
        o.println("  Stopped: " + info.path("ContainersStopped").asLong());
        o.println(" Images: " + info.path("Images").asLong());
        o.println(" Server Version: " + info.path("ServerVersion").asText());
        o.println(" Storage Driver: " + info.path("Driver").asText());
        o.println(" Logging Driver: " + info.path("LoggingDriver").asText());
        o.println(" Cgroup Driver: " + info.path("CgroupDriver").asText());
        o.println(" Cgroup Version: " + info.path("CgroupVersion").asText());
        o.println(" Kernel Version: " + info.path("KernelVersion").asText());
        o.println(" Operating System: " + info.path("OperatingSystem").asText());
        o.println(" OSType: " + info.path("OSType").asText());
        o.println(" Architecture: " + info.path("Architecture").asText());
        o.println(" CPUs: " + info.path("NCPU").asLong());
        o.println(" Total Memory: " + dev.purser.tui.format.HumanSize.withPrecision(info.path("MemTotal").asDouble(), 4).replace("GB", "GiB"));
        o.println(" Name: " + info.path("Name").asText());
        o.println(" ID: " + info.path("ID").asText());
        o.println(" Docker Root Dir: " + info.path("DockerRootDir").asText());
        return 0;
    }
}
