package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.view.PortText;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code port}: the container's published ports as docker's port command prints them, from
 * {@code NetworkSettings.Ports}: every mapping as {@code 80/tcp -> 0.0.0.0:8080}, or for one
 * port its host addresses, naturally sorted; docker's errors for a port that is no number or is
 * not published.
 */
@Command(name = "port", description = "List port mappings or a specific mapping for the container")
final class PortCommand extends BaseCommand {
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "port CONTAINER [PRIVATE_PORT[/PROTO]]"; }

    public Integer call() {
        requireBetween(args, 1, 2);
        String container = args.get(0);
        JsonNode ports = session.client().containers().inspect(container, false).path("NetworkSettings").path("Ports");
        List<String> out = new ArrayList<>();
        if (args.size() == 2) {
            String asked = args.get(1);
            int slash = asked.indexOf('/');
            String port = slash < 0 ? asked : asked.substring(0, slash);
            String proto = slash < 0 || slash == asked.length() - 1 ? "tcp" : asked.substring(slash + 1);
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
                String why = port.matches("[0-9]+") ? "value out of range" : "invalid syntax";
                throw new CliError("Error: invalid port (" + port + "): strconv.ParseUint: parsing \"" + port + "\": " + why, 1);
            }
            JsonNode frontends = ports.path(port + "/" + proto);
            if (!frontends.isArray() || frontends.isEmpty()) {
                throw new CliError("Error: No public port '" + asked + "' published for " + container, 1);
            }
            frontends.forEach(f -> out.add(PortText.joinHostPort(f.path("HostIp").asText(), f.path("HostPort").asText())));
        } else {
            ports.fields().forEachRemaining(e -> e.getValue().forEach(f -> out.add(e.getKey() + " -> "
                    + PortText.joinHostPort(f.path("HostIp").asText(), f.path("HostPort").asText()))));
        }
        out.sort(PortText::naturalOrder);
        out.forEach(session.out::println);
        return 0;
    }
}
