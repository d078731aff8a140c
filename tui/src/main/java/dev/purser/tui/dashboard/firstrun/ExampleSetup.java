package dev.purser.tui.dashboard.firstrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.tui.client.Response;
import dev.purser.engine.image.BusyboxRootfs;
import dev.purser.tui.client.DaemonError;
import dev.purser.tui.client.PurserClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The first run on an empty engine: a {@code busybox} image made from the host's static busybox
 * (no network needed), and two small containers that show the dashboard at work: a web server
 * and one that logs a line a second.
 */
public final class ExampleSetup {
    public static final String IMAGE = "busybox:latest";
    public static final String WEB = "example-web";
    public static final String LOGGER = "example-logger";

    private final PurserClient client;
    private final Path busybox;

    public ExampleSetup(PurserClient client, Path busybox) {
        this.client = client;
        this.busybox = busybox;
    }

    /** Whether there is a busybox to make the image from. */
    public boolean possible() {
        return BusyboxRootfs.available(busybox);
    }

    /** Whether the engine has no image and no container: what a first run looks like. */
    public boolean engineEmpty() {
        return client.images().list(true, false, List.of()).isEmpty() && client.containers().list(true, false, 0, List.of()).isEmpty();
    }

    /** Makes the image and starts both examples; returns what the status line says. */
    public String run() {
        byte[] tar = BusyboxRootfs.tar(busybox);
        try (Response progress = client.images().importTarball(new ByteArrayInputStream(tar), "-", "busybox", "latest",
                "made by the purser dashboard from " + busybox, List.of())) {
            MappingIterator<JsonNode> messages = client.engine().json().readerFor(JsonNode.class).readValues(progress.body());
            while (messages.hasNextValue()) {
                JsonNode m = messages.nextValue();
                if (m.hasNonNull("error")) throw new DaemonError(500, m.path("error").asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start(WEB, List.of("httpd", "-f", "-v", "-p", "80", "-h", "/var/www"));
        start(LOGGER, List.of("sh", "-c", "i=0; while true; do i=$((i+1)); echo \"example log line $i\"; "
                + "[ $((i % 5)) -eq 0 ] && echo \"every fifth line goes to stderr ($i)\" >&2; sleep 1; done"));
        return "made " + IMAGE + " from " + busybox + " and started " + WEB + " and " + LOGGER;
    }

    private void start(String name, List<String> cmd) {
        ObjectNode body = client.engine().json().createObjectNode().put("Image", IMAGE);
        cmd.forEach(body.putArray("Cmd")::add);
        String id = client.containers().create(name, body).id();
        client.containers().start(id);
    }
}
