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

/** {@code volume inspect}: the volumes as a JSON array indented as docker's, or one {@code -f} line each. */
@Command(name = "volume-inspect", description = "Display detailed information on one or more volumes")
final class VolumeInspectCommand extends BaseCommand {
    @Option(names = {"-f", "--format"}) String format = "";
    @Parameters List<String> names = new ArrayList<>();

    String usage() { return "inspect [OPTIONS] VOLUME [VOLUME...]"; }

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
                JsonNode volume = session.client().volumes().inspect(name);
                if (template == null) found.add(volume);
                else lines.append(template.execute(volume)).append('\n');
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
