package dev.purser.engine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.purser.engine.container.Container;
import dev.purser.engine.container.ContainerConfig;
import dev.purser.engine.container.Containers;
import dev.purser.engine.container.Top;
import dev.purser.engine.container.CreateRequest;
import dev.purser.engine.network.EndpointConfig;
import dev.purser.engine.container.DockerJson;
import dev.purser.engine.container.HostConfig;
import dev.purser.engine.container.NotModifiedException;
import dev.purser.engine.log.LogCursor;
import dev.purser.engine.log.LogQuery;
import dev.purser.engine.log.LogRecord;
import dev.purser.engine.log.LogStream;
import dev.purser.engine.usage.ContainerSize;
import dev.purser.engine.usage.DiskUsage;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import dev.purser.engine.network.ports.PortRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** The {@code /containers} endpoints. */
final class ContainerApi {
    private final Containers containers;
    private final DiskUsage usage;
    private final ObjectMapper json = DockerJson.mapper();

    ContainerApi(Containers containers, DiskUsage usage) {
        this.containers = containers;
        this.usage = usage;
    }

    void register(Router router) {
        router.add("POST", "/containers/create", this::create)
                .add("GET", "/containers/json", this::list)
                .add("GET", "/containers/{id}/json", this::inspect)
                .add("POST", "/containers/{id}/start", this::start)
                .add("POST", "/containers/{id}/stop", this::stop)
                .add("POST", "/containers/{id}/restart", this::restart)
                .add("POST", "/containers/{id}/kill", this::kill)
                .add("POST", "/containers/{id}/pause", x -> {
                    containers.pause(x.param("id"));
                    x.status(204);
                })
                .add("POST", "/containers/{id}/unpause", x -> {
                    containers.unpause(x.param("id"));
                    x.status(204);
                })
                .add("POST", "/containers/{id}/rename", this::rename)
                .add("POST", "/containers/{id}/wait", this::await)
                .add("DELETE", "/containers/{id}", this::remove)
                .add("GET", "/containers/{id}/logs", this::logs)
                .add("GET", "/containers/{id}/top", this::top)
                .add("POST", "/containers/{id}/resize", x -> {
                    containers.streams().resize(x.param("id"), StreamApi.size(x, "h"), StreamApi.size(x, "w"));
                    x.status(200);
                })
                .add("POST", "/containers/prune", this::prune)
                .add("POST", "/containers/{id}/update", this::update);
    }

    private void create(Exchange x) throws JsonProcessingException {
        String platform = x.query("platform");
        if (platform != null && !platform.isEmpty()) {
            throw BodyField.unsupported("the platform parameter");
        }
        JsonNode sent = x.bodyJson(JsonNode.class);
        NetworkModeConflicts.check(sent);
        JsonNode body = RequestBodies.CREATE.read(sent);
        List<EndpointConfig> endpoints = EndpointBodies.endpoints(body.path("NetworkingConfig").path("EndpointsConfig"), x.apiVersion());
        ContainerConfig config = convert(body, ContainerConfig.class);
        HostConfig host = body.hasNonNull("HostConfig") ? convert(body.get("HostConfig"), HostConfig.class) : null;
        if (host != null) {
            checkMounts(host);
        }
        Container c = containers.create(new CreateRequest(x.query("name"), config, host, endpoints));
        x.json(201, Map.of("Id", c.id(), "Warnings",
                PortRequest.warnings(c.hostConfig().networkMode(), c.hostConfig().portBindings())));
    }

    /**
     * Nothing of a container changes after its create yet: an update that asks for a change is
     * refused naming the field; one that asks for none (every field zero) is the no-op it is.
     */
    private void update(Exchange x) {
        containers.get(x.param("id"));
        RequestBodies.UPDATE.read(x.bodyJson(JsonNode.class));
        x.json(200, Map.of("Warnings", List.of()));
    }

    /** Bad or unapplied mounts are refused before anything is created (dockerd's checks, 400). */
    private static void checkMounts(HostConfig host) {
        try {
            host.mountPoints(true);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(JsonErrors.describe(e));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private void list(Exchange x) {
        boolean all = x.queryBool("all", false);
        Integer limit = x.queryInt("limit");
        ContainerFilters filters = ContainerFilters.parse(x.query("filters"));
        ArrayNode out = json.createArrayNode();
        for (Container c : containers.list()) {
            if (!all && !c.state().running() && limit == null && !filters.mentionsStatus()) {
                continue;
            }
            if (!filters.matches(c)) {
                continue;
            }
            if (limit != null && limit > 0 && out.size() >= limit) {
                break;
            }
            ObjectNode row = ContainerViews.summary(c, containers.publishedPorts(c), containers.networks());
            if (x.queryBool("size", false)) {
                sizes(row, c);
            }
            out.add(row);
        }
        x.json(200, out);
    }

    private void inspect(Exchange x) {
        Container c = containers.get(x.param("id"));
        ObjectNode n = ContainerViews.inspect(c, containers.publishedPorts(c), containers.networks(), x.apiVersion());
        if (x.queryBool("size", false)) {
            sizes(n, c);
        }
        x.json(200, n);
    }

    /** Docker's SizeRw and SizeRootFs, sent only when asked for ({@code size=1}): measuring walks the tree. */
    private void sizes(ObjectNode n, Container c) {
        ContainerSize size = usage.of(c);
        n.put("SizeRw", size.rw());
        n.put("SizeRootFs", size.rootFs());
    }

    private void start(Exchange x) {
        try {
            containers.start(x.param("id"));
            x.status(204);
        } catch (NotModifiedException e) {
            x.status(304);
        }
    }

    private void stop(Exchange x) {
        try {
            containers.stop(x.param("id"), timeout(x));
            x.status(204);
        } catch (NotModifiedException e) {
            x.status(304);
        }
    }

    private static Integer timeout(Exchange x) {
        return x.query("t") != null ? x.queryInt("t") : x.queryInt("timeout");
    }

    private void restart(Exchange x) {
        containers.restart(x.param("id"), timeout(x));
        x.status(204);
    }

    private void kill(Exchange x) {
        containers.kill(x.param("id"), x.query("signal"));
        x.status(204);
    }

    private void rename(Exchange x) {
        String name = x.query("name");
        if (name == null || name.isEmpty()) {
            throw ApiException.badRequest("name is required");
        }
        containers.rename(x.param("id"), name);
        x.status(204);
    }

    private void await(Exchange x) throws InterruptedException {
        // a copy per client: a client that leaves cancels its own wait, not everyone's
        var future = containers.waitFor(x.param("id"), x.query("condition")).thenApply(code -> code);
        // Docker sends the headers at once so a client knows the wait has begun
        try (Exchange.ResponseStream out = x.stream(200, "application/json")) {
            x.onClose(() -> future.cancel(false));
            int code;
            try {
                code = future.get();
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                return;
            }
            out.write(json.writeValueAsBytes(Map.of("StatusCode", code)));
            out.write("\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void remove(Exchange x) {
        containers.remove(x.param("id"), x.queryBool("force", false), x.queryBool("v", false));
        x.status(204);
    }

    private void logs(Exchange x) throws IOException, InterruptedException {
        Container c = containers.get(x.param("id"));
        boolean stdout = x.queryBool("stdout", false);
        boolean stderr = x.queryBool("stderr", false);
        if (!stdout && !stderr) {
            throw ApiException.badRequest("Bad parameters: you must choose at least one stream");
        }
        boolean follow = x.queryBool("follow", false);
        boolean timestamps = x.queryBool("timestamps", false);
        String tail = x.query("tail");
        int tailLines = tail == null || tail.isEmpty() || tail.equals("all") ? LogQuery.ALL : parseTail(tail);
        LogQuery query = new LogQuery(Times.parse(x.query("since")), Times.parse(x.query("until")), tailLines,
                stdout, stderr, follow && c.state().running());
        boolean tty = c.config().tty();
        try (LogCursor cursor = containers.logs().read(c.id(), query);
                Exchange.ResponseStream out = x.stream(200, tty ? StreamFrames.RAW : StreamFrames.MULTIPLEXED)) {
            x.onClose(cursor::close);
            StreamFrames frames = new StreamFrames(out, tty);
            cursor.whenCaughtUp(frames::flush);
            LogRecord record;
            while ((record = cursor.next()) != null && out.isOpen()) {
                byte[] line = record.line();
                if (timestamps) {
                    line = concat((dev.purser.engine.log.Rfc3339.nano(record.time()) + " ").getBytes(), line);
                }
                frames.write(record.stream() == LogStream.STDERR ? 2 : 1, line);
            }
            frames.flush();
        }
    }

    private static int parseTail(String tail) {
        try {
            return Integer.parseInt(tail);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid value for tail: " + tail);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private void top(Exchange x) {
        Top table = containers.processes().top(x.param("id"), x.query("ps_args"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Titles", table.titles());
        out.put("Processes", table.processes());
        x.json(200, out);
    }

    private void prune(Exchange x) {
        ContainerFilters filters = ContainerFilters.parse(x.query("filters")).forPrune();
        List<String> deleted = new java.util.ArrayList<>();
        long reclaimed = 0;
        for (Container c : containers.list()) {
            if (!c.state().running() && !c.state().restarting() && filters.matchesPrune(c)) {
                long rw = usage.writableLayer(c.id());
                containers.remove(c.id(), false);
                deleted.add(c.id());
                reclaimed += rw;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ContainersDeleted", deleted.isEmpty() ? null : deleted);
        out.put("SpaceReclaimed", reclaimed);
        x.json(200, out);
    }

    /** Parses Docker's time parameters: unix seconds (with fraction) or RFC 3339. */
    static final class Times {
        private Times() {}

        static Instant parse(String value) {
            if (value == null || value.isEmpty() || value.equals("0")) {
                return null;
            }
            try {
                if (value.matches("\\d+(\\.\\d+)?")) {
                    String[] parts = value.split("\\.");
                    long seconds = Long.parseLong(parts[0]);
                    long nanos = parts.length > 1 ? Long.parseLong((parts[1] + "000000000").substring(0, 9)) : 0;
                    return Instant.ofEpochSecond(seconds, nanos);
                }
                return Instant.parse(value);
            } catch (RuntimeException e) {
                throw ApiException.badRequest("invalid time value: " + value);
            }
        }
    }
}
