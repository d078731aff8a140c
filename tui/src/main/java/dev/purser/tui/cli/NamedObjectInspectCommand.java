package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.purser.tui.format.Template;
import dev.purser.tui.format.TemplateException;
import dev.purser.tui.view.ContainerRow;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code volume inspect} and {@code network inspect} share: the objects named, as a JSON
 * array indented as docker's or one {@code -f} line each; a name not found is reported on stderr
 * after the others are printed, and the exit code is 1.
 */
abstract class NamedObjectInspectCommand extends BaseCommand {
    @Option(names = {"-f", "--format"}) String format = "";
    @Parameters List<String> names = new ArrayList<>();

    /** The daemon's JSON of the object named {@code name}; a RuntimeException with its message when there is none. */
    abstract JsonNode inspect(String name);

    public Integer call() {
        requireAtLeast(names, 1);
        Template template;
        try {
            template = format.isEmpty() ? null : Template.parse(format.equals("json") ? "{{json .}}" : format);
        } catch (TemplateException e) {
            throw new CliError("template parsing error: " + e.getMessage(), 1);
        }
        ArrayNode found = ContainerRow.NODES.arrayNode();
        StringBuilder lines = new StringBuilder();
        List<String> errors = new ArrayList<>();
        for (String name : names) {
            try {
                JsonNode object = inspect(name);
                if (template == null) found.add(object);
                else lines.append(template.execute(object)).append('\n');
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
