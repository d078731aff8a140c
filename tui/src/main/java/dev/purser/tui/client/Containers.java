package dev.purser.tui.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The container endpoints of the Engine API, answered as Jackson trees with Docker's field names. */
public final class Containers {
    private final EngineConnection engine;

    Containers(EngineConnection engine) {
        this.engine = engine;
    }

    /** {@code GET /containers/json}: all (-a), size (-s), limit (-n), filters as key=value pairs. */
    public List<JsonNode> list(boolean all, boolean size, int limit, List<String> filters) {
        JsonNode array = engine.get("/containers/json" + Query.of().add("all", all).add("size", size)
                .add("limit", limit > 0 ? limit : null).filters(filters));
        return elements(array);
    }

    public JsonNode inspect(String id, boolean size) {
        return engine.get("/containers/" + enc(id) + "/json" + Query.of().add("size", size));
    }

    /** Creates a container from a Docker create body (Config fields plus HostConfig, NetworkingConfig). */
    /** The API version from which a create may put the container on several networks. */
    public static final String SEVERAL_NETWORKS_API = "1.44";

    public CreatedContainer create(String name, JsonNode body) {
        return create(name, null, body);
    }

    /** The same, for the image of {@code platform} ({@code os[/arch[/variant]]}; null: the daemon's own). */
    public CreatedContainer create(String name, String platform, JsonNode body) {
        String path = "/containers/create" + Query.of().add("name", name).add("platform", platform);
        // several networks at create came with API 1.44; one is sent at the client's own version
        JsonNode answer = body.path("NetworkingConfig").path("EndpointsConfig").size() > 1
                ? engine.jsonAt(SEVERAL_NETWORKS_API, "POST", path, body) : engine.post(path, body);
        List<String> warnings = answer.path("Warnings").isArray() ? elements(answer.get("Warnings")).stream().map(JsonNode::asText).toList() : List.of();
        return new CreatedContainer(answer.path("Id").asText(), warnings);
    }

    public void start(String id) {
        engine.post("/containers/" + enc(id) + "/start", null);
    }

    /** Stops with the container's stop signal, then SIGKILL after {@code timeoutSeconds} (null: its own default). */
    public void stop(String id, Integer timeoutSeconds, String signal) {
        engine.post("/containers/" + enc(id) + "/stop" + Query.of().add("t", timeoutSeconds).add("signal", signal), null);
    }

    public void restart(String id, Integer timeoutSeconds, String signal) {
        engine.post("/containers/" + enc(id) + "/restart" + Query.of().add("t", timeoutSeconds).add("signal", signal), null);
    }

    public void kill(String id, String signal) {
        engine.post("/containers/" + enc(id) + "/kill" + Query.of().add("signal", signal), null);
    }

    public void pause(String id) {
        engine.post("/containers/" + enc(id) + "/pause", null);
    }

    public void unpause(String id) {
        engine.post("/containers/" + enc(id) + "/unpause", null);
    }

    public void remove(String id, boolean force, boolean volumes, boolean link) {
        engine.delete("/containers/" + enc(id) + Query.of().add("force", force).add("v", volumes).add("link", link));
    }

    public void rename(String id, String newName) {
        engine.post("/containers/" + enc(id) + "/rename" + Query.of().add("name", newName), null);
    }

    /** Blocks until the condition ("not-running", "next-exit", "removed") and returns the exit code. */
    public long await(String id, String condition) {
        JsonNode answer = engine.post("/containers/" + enc(id) + "/wait" + Query.of().add("condition", condition), null);
        if (answer.path("Error").hasNonNull("Message") && !answer.path("Error").path("Message").asText().isEmpty()) {
            throw new DaemonError(500, answer.path("Error").path("Message").asText());
        }
        return answer.path("StatusCode").asLong();
    }

    /**
     * Opens a wait whose headers have arrived, so the daemon is already waiting: start the
     * container after this and no exit (or --rm removal) is missed. Read it with {@link #exitCode}.
     */
    public Response openWait(String id, String condition) {
        return engine.open("POST", "/containers/" + enc(id) + "/wait" + Query.of().add("condition", condition), null, null);
    }

    /** The StatusCode of an opened wait; throws the daemon's error when it reports one. */
    public long exitCode(Response wait) {
        try (wait) {
            JsonNode answer = JsonTrees.readFirst(wait.body());
            if (answer.isMissingNode()) throw new DaemonError(500, "wait ended without a status");
            if (answer.path("Error").hasNonNull("Message") && !answer.path("Error").path("Message").asText().isEmpty()) {
                throw new DaemonError(500, answer.path("Error").path("Message").asText());
            }
            return answer.path("StatusCode").asLong();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Opens the log stream; multiplexed unless the container has a TTY (see {@link StreamDemux}). */
    public Response logs(String id, LogOptions options) {
        String query = Query.of().add("stdout", true).add("stderr", true).add("follow", options.follow())
                .add("timestamps", options.timestamps()).add("tail", options.tail()).add("since", options.since())
                .add("until", options.until()).toString();
        return engine.open("GET", "/containers/" + enc(id) + "/logs" + query, null, null);
    }

    /** Attaches to stdout and stderr (and stdin when given) of a container, streaming from now on. */
    public Response attach(String id, InputStream stdin, String detachKeys) {
        String query = Query.of().add("stream", true).add("stdin", stdin != null).add("stdout", true).add("stderr", true)
                .add("detachKeys", detachKeys).toString();
        return engine.hijack("/containers/" + enc(id) + "/attach" + query, null, stdin == null ? InputStream.nullInputStream() : stdin);
    }

    /**
     * Attaches on a connection of our own (see {@link HijackedConnection}): for interactive
     * sessions, where stdin must be half-closed at its end and the relay stopped on detach.
     */
    public HijackedConnection attachInteractive(String id, boolean stdin, String detachKeys) {
        String query = Query.of().add("stream", true).add("stdin", stdin).add("stdout", true).add("stderr", true)
                .add("detachKeys", detachKeys).toString();
        return engine.hijackInteractive("/containers/" + enc(id) + "/attach" + query, null);
    }

    /** Starts an exec attached, on a connection of our own (see {@link #attachInteractive}). */
    public HijackedConnection execStartInteractive(String execId, boolean tty, int rows, int cols) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("Detach", false).put("Tty", tty);
        if (tty && rows > 0 && cols > 0) body.putArray("ConsoleSize").add(rows).add(cols);
        return engine.hijackInteractive("/exec/" + enc(execId) + "/start", JsonTrees.bytes(body));
    }

    /** {@code POST /containers/{id}/resize}: the container's TTY to rows × cols. */
    public void resize(String id, int rows, int cols) {
        engine.post("/containers/" + enc(id) + "/resize" + Query.of().add("h", rows).add("w", cols), null);
    }

    /** {@code POST /exec/{id}/resize}. */
    public void execResize(String execId, int rows, int cols) {
        engine.post("/exec/" + enc(execId) + "/resize" + Query.of().add("h", rows).add("w", cols), null);
    }

    public JsonNode top(String id, String psArgs) {
        return engine.get("/containers/" + enc(id) + "/top" + Query.of().add("ps_args", psArgs));
    }

    /** One stats sample ({@code stream=false}): the daemon takes two readings for CPU percentages. */
    public JsonNode stats(String id) {
        return engine.get("/containers/" + enc(id) + "/stats" + Query.of().add("stream", "false"));
    }

    /** Creates an exec instance: body fields Cmd, Env, User, WorkingDir, AttachStdout, ... */
    public String execCreate(String id, JsonNode body) {
        return engine.post("/containers/" + enc(id) + "/exec", body).path("Id").asText();
    }

    /** Starts an exec; detached execs return null, attached ones the output stream. */
    public Response execStart(String execId, boolean detach, boolean tty) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("Detach", detach).put("Tty", tty);
        if (detach) {
            engine.post("/exec/" + enc(execId) + "/start", body);
            return null;
        }
        return engine.hijack("/exec/" + enc(execId) + "/start", body, InputStream.nullInputStream());
    }

    public JsonNode execInspect(String execId) {
        return engine.get("/exec/" + enc(execId) + "/json");
    }

    public JsonNode prune(List<String> filters) {
        return engine.post("/containers/prune" + Query.of().filters(filters), null);
    }

    static List<JsonNode> elements(JsonNode array) {
        java.util.ArrayList<JsonNode> out = new java.util.ArrayList<>();
        if (array != null && array.isArray()) array.forEach(out::add);
        return out;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * {@code GET /containers/{id}/archive}: the path as a tar, its stat in the
     * {@code X-Docker-Container-Path-Stat} header; the caller closes it.
     */
    public Response archive(String id, String path) {
        return engine.open("GET", "/containers/" + enc(id) + "/archive" + Query.of().add("path", path), null, null);
    }

    /**
     * The stat of a path in the container, or null when it does not exist. Read from a GET's
     * header (the transport has no HEAD) and the body left unread.
     */
    public String pathStat(String id, String path) {
        try (Response r = archive(id, path)) {
            return r.header("X-Docker-Container-Path-Stat");
        } catch (DaemonError e) {
            if (e.isNotFound()) return null;
            throw e;
        }
    }

    /** {@code PUT /containers/{id}/archive}: extracts {@code tar} into the directory {@code path}. */
    public void putArchive(String id, String path, InputStream tar, boolean noOverwriteDirNonDir) {
        try (Response r = engine.open("PUT", "/containers/" + enc(id) + "/archive"
                + Query.of().add("path", path).add("noOverwriteDirNonDir", noOverwriteDirNonDir), tar, "application/x-tar")) {
            if (r.body() != null) r.body().transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
