package dev.purser.tui.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.ByteArrayInputStream;
import dev.purser.engine.api.BuildId;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP to the daemon over docker-java's zerodep transport, with JSON in and out. Paths are
 * versioned (v1.41, the API purser implements and every supported dockerd still serves).
 * Error statuses become {@link DaemonError}; a dead socket becomes {@link DaemonUnavailableException}.
 */
public final class EngineConnection implements Closeable {
    public static final String API_VERSION = "1.41";
    static final ObjectMapper JSON = new ObjectMapper();

    private final String host;
    private final DockerHttpClient http;
    private final BuildMismatchNote buildNote;

    public EngineConnection(String host) {
        this(host, null);
    }

    /** A connection that tells {@code buildNote} which build the daemon runs. */
    public EngineConnection(String host, BuildMismatchNote buildNote) {
        this.host = host;
        this.buildNote = buildNote;
        this.http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(URI.create(host))
                .connectionTimeout(Duration.ofSeconds(5))
                // Streams (logs -f, wait, events, attach) stay open as long as the container runs.
                .responseTimeout(Duration.ofDays(3650))
                .maxConnections(16)
                .build();
    }

    public String host() {
        return host;
    }

    public ObjectMapper json() {
        return JSON;
    }

    /** The docker-java transport itself, for building a docker-java DockerClient over it. */
    public DockerHttpClient transport() {
        return http;
    }

    public JsonNode get(String path) {
        return json(Request.Method.GET, path, null);
    }

    public JsonNode post(String path, JsonNode body) {
        return json(Request.Method.POST, path, body);
    }

    public JsonNode delete(String path) {
        return json(Request.Method.DELETE, path, null);
    }

    /** Sends a request and parses the answer; empty bodies come back as a missing node. */
    public JsonNode json(Request.Method method, String path, JsonNode body) {
        try (Response response = send(method, path, body == null ? null : bytes(body), null)) {
            byte[] bytes = response.getBody() == null ? new byte[0] : response.getBody().readAllBytes();
            if (bytes.length == 0) return MissingNode.getInstance();
            String contentType = String.valueOf(response.getHeader("Content-Type"));
            if (!contentType.contains("json") && bytes[0] != '{' && bytes[0] != '[') {
                return JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
            }
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a streaming response (logs, events, stats, wait, export); the caller closes it. */
    public Response open(Request.Method method, String path, InputStream body, String contentType) {
        return send(method, path, body, contentType, null);
    }

    /** Opens a hijacked connection (attach, exec start); {@code stdin} is copied to the daemon. */
    public Response hijack(String path, JsonNode body, InputStream stdin) {
        return send(Request.Method.POST, path, body == null ? null : new ByteArrayInputStream(bytes(body)), "application/json", stdin);
    }

    private Response send(Request.Method method, String path, byte[] json, InputStream hijacked) {
        return send(method, path, json == null ? null : new ByteArrayInputStream(json), "application/json", hijacked);
    }

    private Response send(Request.Method method, String path, InputStream body, String contentType, InputStream hijacked) {
        Request.Builder request = Request.builder().method(method).path("/v" + API_VERSION + path);
        if (body != null) {
            request.body(body);
            request.putHeader("Content-Type", contentType);
        }
        if (hijacked != null) {
            request.hijackedInput(hijacked);
            request.putHeader("Upgrade", "tcp");
            request.putHeader("Connection", "Upgrade");
        }
        Response response;
        try {
            response = http.execute(request.build());
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        if (buildNote != null) {
            buildNote.check(response.getHeader(BuildId.HEADER));
        }
        int status = response.getStatusCode();
        if (status >= 400) {
            String message;
            try (response) {
                byte[] bytes = response.getBody() == null ? new byte[0] : response.getBody().readAllBytes();
                message = errorMessage(bytes);
            } catch (IOException e) {
                message = "status " + status;
            }
            throw new DaemonError(status, message);
        }
        return response;
    }

    static String errorMessage(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).trim();
        try {
            JsonNode node = JSON.readTree(text);
            if (node != null && node.hasNonNull("message")) return node.get("message").asText();
        } catch (IOException notJson) {
            // plain-text errors (some proxies, old daemons) are shown as they are
        }
        return text;
    }

    private RuntimeException unavailable(RuntimeException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase();
        if (m.contains("permission denied")) return DaemonUnavailableException.permissionDenied(host);
        if (e instanceof DaemonError) return e;
        return DaemonUnavailableException.notRunning(host);
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException ignored) {
            // closing idle connections cannot fail in a way the user could act on
        }
    }
}
