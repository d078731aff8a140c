package dev.purser.tui.cli;

import dev.purser.tui.view.ContainerRow;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.purser.tui.client.DaemonError;
import dev.purser.tui.client.JsonTrees;
import dev.purser.tui.client.PurserClient;
import dev.purser.tui.format.Template;
import dev.purser.tui.format.TemplateException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inspect}: a JSON array indented by 4 like docker's, or one {@code --format} line per
 * object. Without {@code --type} a name is tried as a container, then as an image, then as a volume.
 */
@Command(name = "inspect", description = "Return low-level information on Docker objects")
class InspectCommand extends BaseCommand {
    @Option(names = {"-f", "--format"}) String format = "";
    @Option(names = {"-s", "--size"}) boolean size;
    @Option(names = "--type") String type = "";
    @Parameters List<String> targets = new ArrayList<>();

    String usage() { return "inspect [OPTIONS] NAME|ID [NAME|ID...]"; }

    /** The flags above for DirectCommandLine; {@code type} as CommandTree fixes it ("container"), or "". */
    static DirectFlags<InspectCommand> directFlags(String type) {
        return new DirectFlags<>(() -> {
                    InspectCommand c = new InspectCommand();
                    c.type = type;
                    return c;
                })
                .text((c, v) -> c.format = v, "-f", "--format")
                .flag(c -> c.size = true, "-s", "--size")
                .text((c, v) -> c.type = v, "--type")
                .positional((c, v) -> c.targets.add(v));
    }

    /** What {@code container inspect} and {@code image inspect} fix the type to. */
    String fixedType() { return type; }

    public Integer call() {
        requireAtLeast(targets, 1);
        Template template;
        try {
            template = format.isEmpty() ? null : Template.parse(format.equals("json") ? "{{json .}}" : format);
        } catch (TemplateException e) {
            throw new CliError("template parsing error: " + e.getMessage(), 1);
        }
        PurserClient client = session.client();
        ArrayNode all = ContainerRow.NODES.arrayNode();
        List<String> errors = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        for (String target : targets) {
            try {
                JsonNode node = find(client, target);
                if (template == null) all.add(node);
                else lines.append(template.execute(node)).append('\n');
            } catch (TemplateException e) {
                throw new CliError("template parsing error: " + e.getMessage(), 1);
            } catch (RuntimeException e) {
                errors.add(e.getMessage());
            }
        }
        if (template == null) session.out.println(pretty(all));
        else session.out.print(lines);
        errors.forEach(session.err::println);
        return errors.isEmpty() ? 0 : 1;
    }

    private JsonNode find(PurserClient client, String target) {
        String t = fixedType();
        if (t.equals("container")) return client.containers().inspect(target, size);
        if (t.equals("image")) return client.images().inspect(target);
        if (t.equals("volume")) return client.volumes().inspect(target);
        try {
            return client.containers().inspect(target, size);
        } catch (DaemonError e) {
            if (!e.isNotFound()) throw e;
        }
        try {
            return client.images().inspect(target);
        } catch (DaemonError e) {
            if (!e.isNotFound()) throw e;
        }
        try {
            return client.volumes().inspect(target);
        } catch (DaemonError e) {
            if (!e.isNotFound()) throw e;
        }
        throw new CliError("Error: No such object: " + target, 1);
    }

    static String pretty(JsonNode node) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter() {
            @Override
            public DefaultPrettyPrinter createInstance() {
                return new DefaultPrettyPrinter(this) {
                    @Override
                    public void writeObjectFieldValueSeparator(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
                        g.writeRaw(": ");
                    }
                };
            }

            @Override
            public void writeObjectFieldValueSeparator(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
                g.writeRaw(": ");
            }
        };
        DefaultIndenter indent = new DefaultIndenter("    ", "\n");
        printer.indentArraysWith(indent);
        printer.indentObjectsWith(indent);
        // Go prints empty arrays and objects as [] and {}; Jackson adds spaces.
        return JsonTrees.text(node, printer).replace("[ ]", "[]").replace("{ }", "{}");
    }
}
