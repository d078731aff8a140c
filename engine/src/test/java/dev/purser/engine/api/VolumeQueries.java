package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.TestDaemon.Result;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/** What the volume tests ask a daemon through the stock docker CLI. */
record VolumeQueries(TestDaemon daemon) {
    /** Runs a docker command that must succeed. */
    Result ok(String... args) {
        Result r = daemon.docker(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    boolean exists(String name) {
        return daemon.docker("volume", "inspect", name).exitCode() == 0;
    }

    List<String> names() {
        return ok("volume", "ls", "-q").out().lines().toList();
    }

    /** The name of the volume mounted at {@code destination} in {@code container}. */
    String anonymousOf(String container, String destination) throws IOException {
        for (JsonNode m : new ObjectMapper().readTree(ok("inspect", "-f", "{{json .Mounts}}", container).outLine())) {
            if (m.get("Destination").asText().equals(destination)) {
                return m.get("Name").asText();
            }
        }
        throw new AssertionError("no mount at " + destination);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
