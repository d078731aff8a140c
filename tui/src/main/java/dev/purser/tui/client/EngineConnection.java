package dev.purser.tui.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.purser.engine.api.BuildId;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP to the daemon with JSON in and out, over purser's own small transport
 * ({@link HttpTransport}): a short command loads no HTTP library, TLS stack or logging
 * framework. Paths are versioned (v1.41, the API purser implements and every supported dockerd
 * still serves). Error statuses become {@link DaemonError}; a dead socket becomes
 * {@link DaemonUnavailableException}.
 */
public final class EngineConnection implements Closeable {
    public static final String API_VERSION = "1.41";

    private final String host;
    private final HttpTransport http;
    private final BuildMismatchNote buildNote;

    public EngineConnection(String host) {
        this(host, null);
    }

    /** A connection that tells {@code buildNote} which build the daemon runs. */
    public EngineConnection(String host, BuildMismatchNote buildNote) {
        this.host = host;
        this.buildNote = buildNote;
        this.http = new HttpTransport(DaemonAddress.of(host), "purser");
    }

    public String host() {
        return host;
    }

    /**
     * A mapper for the callers that stream many values or write objects of their own; made at
     * the first call, since the short commands parse and write through {@link JsonTrees}.
     */
    public ObjectMapper json() {
        return Mapper.JSON;
    }

    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    public JsonNode get(String path) {
        return json("GET", path, null);
    }

    public JsonNode post(String path, JsonNode body) {
        return json("POST", path, body);
    }

    public JsonNode delete(String path) {
        return json("DELETE", path, null);
    }

    /** Sends a request and parses the answer; empty bodies come back as a missing node. */
    public JsonNode json(String method, String path, JsonNode body) {
        return jsonAt(API_VERSION, method, path, body);
    }

    /**
     * The same at another API version, for the few endpoints whose meaning changed after 1.41
     * (volume prune: 1.42 spares named volumes); only where the daemon serves that version.
     */
    public JsonNode jsonAt(String apiVersion, String method, String path, JsonNode body) {
        try (Response response = checked(http.send(method, "/v" + apiVersion + path, body == null ? null : bytes(body), "application/json"))) {
            byte[] bytes = response.body().readAllBytes();
            if (bytes.length == 0) return MissingNode.getInstance();
            String contentType = String.valueOf(response.header("Content-Type"));
            if (!contentType.contains("json") && bytes[0] != '{' && bytes[0] != '[') {
                return JsonNodeFactory.instance.textNode(new String(bytes, StandardCharsets.UTF_8));
            }
            return JsonTrees.read(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a streaming response (logs, events, stats, wait, export); the caller closes it. */
    public Response open(String method, String path, InputStream body, String contentType) {
        return checked(http.stream(method, versioned(path), body, contentType));
    }

    /**
     * Opens a hijacked connection (attach, exec start) and copies {@code stdin} to the daemon on
     * a thread of its own, half-closing at its end; the answer's body is the output stream.
     */
    public Response hijack(String path, JsonNode body, InputStream stdin) {
        Response response = checked(http.hijack(versioned(path), body == null ? null : bytes(body)));
        OutputStream toDaemon = response.output();
        Thread copier = new Thread(() -> {
            try {
                stdin.transferTo(toDaemon);
            } catch (IOException ignored) {
                // the daemon or the input went away: the output side ends on its own
            }
            response.shutdownOutput();
        }, "stdin-to-daemon");
        copier.setDaemon(true);
        copier.start();
        return response;
    }

    /** A hijacked connection under the caller's control (interactive sessions). */
    HijackedConnection hijackInteractive(String path, byte[] jsonBody) {
        return new HijackedConnection(checked(http.hijack(versioned(path), jsonBody)));
    }

    private static String versioned(String path) {
        return "/v" + API_VERSION + path;
    }

    /**
     * Notes the daemon's build (once per client, see {@link BuildMismatchNote}); an error status
     * becomes the daemon's message as a {@link DaemonError}.
     */
    private Response checked(Response response) {
        if (buildNote != null) {
            buildNote.check(response.header(BuildId.HEADER));
        }
        int status = response.status();
        if (status < 400) return response;
        String message;
        try (response) {
            message = errorMessage(response.body().readAllBytes());
        } catch (IOException e) {
            message = "status " + status;
        }
        throw new DaemonError(status, message);
    }

    static String errorMessage(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).trim();
        try {
            JsonNode node = JsonTrees.read(text);
            if (node != null && node.hasNonNull("message")) return node.get("message").asText();
        } catch (IOException notJson) {
            // plain-text errors (some proxies, old daemons) are shown as they are
        }
        return text;
    }

    private static byte[] bytes(JsonNode body) {
        return JsonTrees.bytes(body);
    }

    @Override
    public void close() {
        // one connection per exchange: nothing is kept open between requests
    }
}
