package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.testing.TestDaemon;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bodies of the wrong shape are refused at the edge with Go's wording, before anything exists:
 * a record that could not be listed never gets in.
 */
class BodyValidationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static TestDaemon daemon;
    static UnixHttp http;
    static String running;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start();
        http = new UnixHttp(daemon.socket());
        running = daemon.docker("run", "-d", "busybox", "sleep", "1000").outLine();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.docker("rm", "-f", running);
        daemon.close();
    }

    private static int containerCount() throws IOException {
        UnixHttp.Response r = http.send("GET", "/v1.41/containers/json?all=1", "");
        assertThat(r.status()).isEqualTo(200);
        return JSON.readTree(r.body()).size();
    }

    /** Sends a create body; asserts the 400, its message, and that the list is unchanged and still served. */
    private static void refusedCreate(String body, String message) throws IOException {
        int before = containerCount();
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/create", body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("message").asText()).isEqualTo(message);
        assertThat(containerCount()).isEqualTo(before);
    }

    @Test
    void nullInCmdIsRefused() throws IOException {
        refusedCreate("{\"Image\":\"busybox\",\"Cmd\":[null]}",
                "json: cannot unmarshal null into Go struct field ContainerConfigWrapper.Cmd of type string");
    }

    @Test
    void nullInEnvIsRefused() throws IOException {
        refusedCreate("{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"Env\":[null]}",
                "json: cannot unmarshal null into Go struct field ContainerConfigWrapper.Env of type string");
    }

    @Test
    void nullInEntrypointIsRefused() throws IOException {
        refusedCreate("{\"Image\":\"busybox\",\"Entrypoint\":[\"echo\",null]}",
                "json: cannot unmarshal null into Go struct field ContainerConfigWrapper.Entrypoint of type string");
    }

    @Test
    void numberInCmdIsRefused() throws IOException {
        refusedCreate("{\"Image\":\"busybox\",\"Cmd\":[1]}",
                "json: cannot unmarshal number into Go struct field ContainerConfigWrapper.Cmd of type string");
    }

    @Test
    void nullLabelValueIsRefused() throws IOException {
        refusedCreate("{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"Labels\":{\"a\":null}}",
                "json: cannot unmarshal null into Go struct field ContainerConfigWrapper.Labels of type string");
    }

    @Test
    void numberForAStringIsRefused() throws IOException {
        refusedCreate("{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"Hostname\":5}",
                "json: cannot unmarshal number into Go struct field ContainerConfigWrapper.Hostname of type string");
    }

    @Test
    void stringForAnIntegerIsRefused() throws IOException {
        refusedCreate("{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"HostConfig\":{\"Memory\":\"lots\"}}",
                "json: cannot unmarshal string into Go struct field ContainerConfigWrapper.HostConfig.Memory of type int64");
    }

    @Test
    void fractionForAnIntegerIsRefused() throws IOException {
        refusedCreate("{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"HostConfig\":{\"PidsLimit\":1.5}}",
                "json: cannot unmarshal number 1.5 into Go struct field ContainerConfigWrapper.HostConfig.PidsLimit of type int64");
    }

    @Test
    void aTypeErrorComesBeforeARefusedField() throws IOException {
        refusedCreate("{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"HostConfig\":{\"Ulimits\":[{\"Name\":\"nofile\",\"Soft\":10,\"Hard\":10}]},\"Tty\":\"yes\"}",
                "json: cannot unmarshal string into Go struct field ContainerConfigWrapper.Tty of type bool");
    }

    @Test
    void fieldNamesMatchWithoutRegardToCaseAsInGo() throws IOException {
        refusedCreate("{\"image\":\"busybox\",\"cmd\":[\"true\"],\"hostconfig\":{\"ulimits\":[{\"Name\":\"nofile\",\"Soft\":10,\"Hard\":10}]}}",
                "purser does not support HostConfig.Ulimits yet");
    }

    @Test
    void lowerCaseFieldsAreApplied() throws IOException {
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/create", "{\"image\":\"busybox\",\"cmd\":[\"echo\",\"lower\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = JSON.readTree(r.body()).get("Id").asText();
        assertThat(daemon.docker("inspect", "--format", "{{.Path}} {{.Args}}", id).outLine()).isEqualTo("echo [lower]");
        daemon.docker("rm", id);
    }

    @Test
    void unknownFieldsAreIgnoredAsDockerIgnoresThem() throws IOException {
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/create",
                "{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"Bogus\":[1],\"HostConfig\":{\"Whatever\":{\"x\":1}}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        daemon.docker("rm", JSON.readTree(r.body()).get("Id").asText());
    }

    @Test
    void cmdGivenAsOneStringIsACommandOfOneWord() throws IOException {
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/create", "{\"Image\":\"busybox\",\"Cmd\":\"pwd\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = JSON.readTree(r.body()).get("Id").asText();
        assertThat(daemon.docker("start", "-a", id).outLine()).isEqualTo("/");
        daemon.docker("rm", id);
    }

    @Test
    void anUnknownRestartPolicyIsRefusedWithDockersMessage() throws IOException {
        refusedCreate("{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"HostConfig\":{\"RestartPolicy\":{\"Name\":\"sometimes\"}}}",
                "invalid restart policy 'sometimes'");
    }

    @Test
    void aRetryCountWithoutOnFailureIsRefused() throws IOException {
        refusedCreate("{\"Image\":\"busybox\",\"Cmd\":[\"true\"],"
                        + "\"HostConfig\":{\"RestartPolicy\":{\"Name\":\"always\",\"MaximumRetryCount\":3}}}",
                "maximum retry count cannot be used with restart policy 'always'");
    }

    @Test
    void aPlatformIsRefused() throws IOException {
        int before = containerCount();
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/create?platform=linux/arm64",
                "{\"Image\":\"busybox\",\"Cmd\":[\"true\"]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"message\":\"purser does not support the platform parameter yet\"}");
        assertThat(containerCount()).isEqualTo(before);
    }

    @Test
    void nullInAnExecsCmdIsRefused() throws IOException {
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/" + running + "/exec", "{\"Cmd\":[\"echo\",null]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("message").asText())
                .isEqualTo("json: cannot unmarshal null into Go struct field ExecConfig.Cmd of type string");
    }

    @Test
    void nullInAnExecsEnvIsRefused() throws IOException {
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/" + running + "/exec", "{\"Cmd\":[\"true\"],\"Env\":[null]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("message").asText())
                .isEqualTo("json: cannot unmarshal null into Go struct field ExecConfig.Env of type string");
    }

    @Test
    void updateOfAMissingContainerIsA404() {
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/nothing-here/update", "{\"Memory\":1048576}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).contains("No such container: nothing-here");
    }

    @Test
    void updateAskingForAChangeIsRefusedAndChangesNothing() throws IOException {
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/" + running + "/update",
                "{\"Memory\":10485760,\"RestartPolicy\":{\"Name\":\"\",\"MaximumRetryCount\":0}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"message\":\"purser does not support updating HostConfig.Memory yet\"}");
        JsonNode host = JSON.readTree(http.send("GET", "/v1.41/containers/" + running + "/json", "").body()).get("HostConfig");
        assertThat(host.get("Memory").asLong()).isZero();
    }
}
