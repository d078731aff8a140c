package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.purser.tui.format.Template;
import dev.purser.tui.format.TemplateException;
import dev.purser.tui.view.ContainerRow;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code network inspect}: the networks as a JSON array indented as docker's, or one {@code -f} line each. */
@Command(name = "network-inspect", description = "Display detailed information on one or more networks")
final class NetworkInspectCommand extends BaseCommand {
    @Option(names = {"-f", "--format"}) String format = "";
    @Parameters List<String> names = new ArrayList<>();

    String usage() { return "inspect [OPTIONS] NETWORK [NETWORK...]"; }

    public Integer call() {
        requireAtLeast(names, 1);
        Template template;
        try {
            template = format.isEmpty() ? null : Template.parse(format.equals("json") ? "{{json .}}" : format);
        } catch (TemplateException e) {
            throw new CliError("template parsing error: " + e.getMessage(), 1);
        }
        ArrayNode found = ContainerRow.JSON.createArrayNode();
        StringBuilder lines = new StringBuilder();
        List<String> errors = new ArrayList<>();
        for (String name : names) {
            try {
                JsonNode network = session.client().networks().inspect(name);
                if (template == null) found.add(network);
                else lines.append(template.execute(network)).append('\n');
            } catch (TemplateException e) {
                throw new CliError("template parsing error: " + e.getMessage(), 1);
            } catch (RuntimeException e) {
                errors.add(e.getMessage());
            }
        }
        if (template == null) session.out.println(InspectCommand.pretty(found));
        else session.out.print(lines);
        errors.forEach(session.err::println);
        return errors.isEmpty() ? 0 : 1;
    }
}
