package dev.purser.tui.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode row(String id, String name) {
        return JSON.createObjectNode().put("ID", id).put("Names", name);
    }

    private static ObjectNode header() {
        return JSON.createObjectNode().put("ID", "CONTAINER ID").put("Names", "NAMES");
    }

    @Test void tableFormatAlignsColumnsWithHeader() {
        String out = new TableFormat("table {{.ID}}\\t{{.Names}}", header()).render(List.of(row("abc", "web"), row("d", "database")));
        assertThat(out).isEqualTo("CONTAINER ID   NAMES\nabc            web\nd              database\n");
    }

    @Test void shortColumnsArePaddedToMinimumWidth() {
        String out = new TableFormat("table {{.Names}}\\t{{.ID}}", header()).render(List.of(row("abc", "web")));
        assertThat(out).isEqualTo("NAMES     CONTAINER ID\nweb       abc\n");
    }

    @Test void plainFormatPrintsOneLinePerRowWithoutHeader() {
        assertThat(new TableFormat("{{.Names}}", header()).render(List.of(row("a", "x"), row("b", "y")))).isEqualTo("x\ny\n");
    }

    @Test void jsonFormatPrintsEachRowAsJson() {
        assertThat(new TableFormat("json", header()).render(List.of(row("a", "x")))).isEqualTo("{\"ID\":\"a\",\"Names\":\"x\"}\n");
    }

    @Test void headerFunctionsLeaveColumnNamesAlone() {
        String out = new TableFormat("table {{upper .Names}}", header()).render(List.of(row("a", "x")));
        assertThat(out).isEqualTo("NAMES\nX\n");
    }
}
