package dev.purser.tui.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A docker {@code --format} value applied to a list of rows: "table" (default columns with a
 * header), "table {{...}}" (custom columns with header), "json" (one JSON object per line) or a
 * plain template (one line per row). Rows are JSON objects keyed by docker's formatter names;
 * {@code header} maps those names to column titles ("ID" → "CONTAINER ID").
 */
public final class TableFormat {
    private final String format;
    private final JsonNode header;

    public TableFormat(String format, JsonNode header) {
        this.format = format;
        this.header = header;
    }

    public boolean isTable() {
        return format.startsWith("table");
    }

    /** Docker turns the template text into Go source: strip "table", trim spaces, unescape \t and \n. */
    public static String templateText(String format) {
        if (format.equals("json")) return "{{json .}}";
        String out = format.startsWith("table") ? format.substring(5) : format;
        out = out.replaceAll("^ +| +$", "");
        return out.replace("\\t", "\t").replace("\\n", "\n");
    }

    /** Renders all rows; throws {@link TemplateException} when the template is broken. */
    public String render(List<? extends JsonNode> rows) {
        Template template = Template.parse(templateText(format)).strict();
        StringBuilder body = new StringBuilder();
        for (JsonNode row : rows) {
            body.append(template.execute(row)).append('\n');
        }
        if (!isTable()) return body.toString();
        String head = template.executeHeader(header);
        return TabWriter.docker().format(head + "\n" + body);
    }
}
