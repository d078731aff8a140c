package dev.purser.tui.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TemplateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode inspect() throws Exception {
        return JSON.readTree("""
                {"Id":"abc123","Name":"/web","State":{"Running":true,"Pid":4242,"ExitCode":0},
                 "Config":{"Labels":{"app":"shop","tier":"db"},"Cmd":["sh","-c","echo hi"],"Env":[]},
                 "Mounts":[{"Type":"volume","Name":"data","Destination":"/data"}],"Health":null}""");
    }

    private static String run(String template) throws Exception {
        return Template.parse(template).execute(inspect());
    }

    @Test void fieldPrintsAsText() throws Exception { assertThat(run("{{.Name}}")).isEqualTo("/web"); }

    @Test void nestedFieldsFollowThePath() throws Exception { assertThat(run("{{.State.Running}} {{.State.Pid}}")).isEqualTo("true 4242"); }

    @Test void jsonFunctionPrintsCompactJson() throws Exception {
        assertThat(run("{{json .Mounts}}")).isEqualTo("[{\"Type\":\"volume\",\"Name\":\"data\",\"Destination\":\"/data\"}]");
    }

    @Test void indexLooksUpMapKeys() throws Exception { assertThat(run("{{index .Config.Labels \"tier\"}}")).isEqualTo("db"); }

    @Test void indexOfMissingKeyIsEmpty() throws Exception { assertThat(run("[{{index .Config.Labels \"nope\"}}]")).isEqualTo("[]"); }

    @Test void rangeIteratesArrays() throws Exception { assertThat(run("{{range .Config.Cmd}}<{{.}}>{{end}}")).isEqualTo("<sh><-c><echo hi>"); }

    @Test void rangeWithVariablesIteratesMapsInKeyOrder() throws Exception {
        assertThat(run("{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}")).isEqualTo("app=shop;tier=db;");
    }

    @Test void rangeElseRunsForEmptyCollections() throws Exception { assertThat(run("{{range .Config.Env}}x{{else}}none{{end}}")).isEqualTo("none"); }

    @Test void ifElseChoosesByTruth() throws Exception {
        assertThat(run("{{if .State.Running}}up{{else}}down{{end}}")).isEqualTo("up");
        assertThat(run("{{if .State.ExitCode}}bad{{else if .State.Running}}running{{else}}other{{end}}")).isEqualTo("running");
    }

    @Test void withRebindsDot() throws Exception { assertThat(run("{{with .State}}{{.Pid}}{{end}}")).isEqualTo("4242"); }

    @Test void pipelinesPassTheValueLast() throws Exception { assertThat(run("{{.Name | upper}}")).isEqualTo("/WEB"); }

    @Test void joinJoinsArrays() throws Exception { assertThat(run("{{join .Config.Cmd \" \"}}")).isEqualTo("sh -c echo hi"); }

    @Test void stringFunctionsMatchDockers() throws Exception {
        assertThat(run("{{lower \"ABC\"}} {{title \"hello world\"}} {{truncate .Id 3}} {{pad \"x\" 1 2}}|")).isEqualTo("abc Hello World abc  x  |");
    }

    @Test void printlnAddsNewline() throws Exception { assertThat(run("{{println .Name}}")).isEqualTo("/web\n"); }

    @Test void missingKeyPrintsNoValue() throws Exception { assertThat(run("{{.Nope}}")).isEqualTo("<no value>"); }

    @Test void nullPrintsNil() throws Exception { assertThat(run("{{.Health}}")).isEqualTo("<nil>"); }

    @Test void mapsPrintLikeGo() throws Exception { assertThat(run("{{.Config.Labels}}")).isEqualTo("map[app:shop tier:db]"); }

    @Test void arraysPrintLikeGo() throws Exception { assertThat(run("{{.Config.Cmd}}")).isEqualTo("[sh -c echo hi]"); }

    @Test void trimMarkersRemoveWhitespace() throws Exception { assertThat(run("a  {{- .Id -}}  \n b")).isEqualTo("aabc123b"); }

    @Test void comparisonFunctionsWork() throws Exception { assertThat(run("{{if eq .State.Pid 4242}}yes{{end}}{{if gt .State.Pid 5000}}no{{end}}")).isEqualTo("yes"); }

    @Test void unclosedActionIsAGoParseError() {
        assertThatThrownBy(() -> Template.parse("{{.Name")).hasMessage("template: :1: unclosed action");
    }

    @Test void unknownFunctionIsAParseError() {
        assertThatThrownBy(() -> Template.parse("{{nope .Name}}")).hasMessage("template: :1: function \"nope\" not defined");
    }

    @Test void missingEndIsAParseError() {
        assertThatThrownBy(() -> Template.parse("{{if .A}}x")).hasMessage("template: :1: unexpected EOF");
    }

    @Test void strictTemplatesRejectUnknownFields() {
        assertThatThrownBy(() -> Template.parse("{{.Nope}}").strict().execute(JSON.createObjectNode()))
                .hasMessageContaining("can't evaluate field Nope");
    }
}
