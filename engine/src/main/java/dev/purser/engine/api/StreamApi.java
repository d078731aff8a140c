package dev.purser.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.engine.container.Container;
import dev.purser.engine.container.ContainerStartException;
import dev.purser.engine.container.Attachments;
import dev.purser.engine.container.Containers;
import dev.purser.engine.container.DockerJson;
import dev.purser.engine.container.ExecRequest;
import dev.purser.engine.container.ExecSession;
import dev.purser.engine.container.Execs;
import dev.purser.engine.log.LogCursor;
import dev.purser.engine.log.LogQuery;
import dev.purser.engine.log.LogRecord;
import dev.purser.engine.log.LogStream;
import dev.purser.pty.DetachFilter;
import dev.purser.pty.DetachKeys;
import dev.purser.pty.WindowSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hijacked endpoints, where a connection stops being HTTP and carries a process's streams:
 * container attach, and exec create/start/inspect.
 */
final class StreamApi {
    private final Containers containers;
    private final Execs execs;
    private final ObjectMapper json = DockerJson.mapper();

    StreamApi(Containers containers, Execs execs) {
        this.containers = containers;
        this.execs = execs;
    }

    void register(Router router) {
        router.add("POST", "/containers/{id}/attach", this::attach)
                .add("POST", "/containers/{id}/exec", this::execCreate)
                .add("POST", "/exec/{id}/start", this::execStart)
                .add("GET", "/exec/{id}/json", this::execInspect)
                .add("POST", "/exec/{id}/resize", x -> {
                    execs.resize(x.param("id"), size(x, "h"), size(x, "w"));
                    x.status(200);
                });
    }

    private void attach(Exchange x) throws InterruptedException {
        Container c = containers.get(x.param("id"));
        boolean stdin = x.queryBool("stdin", false) && c.config().openStdin();
        boolean stdout = x.queryBool("stdout", false);
        boolean stderr = x.queryBool("stderr", false);
        boolean tty = c.config().tty();
        boolean logs = x.queryBool("logs", false);
        boolean stream = x.queryBool("stream", false);
        DetachFilter detach = new DetachFilter(detachKeys(x));
        if (!stream) {
            // Docker: without stream the connection carries what was logged (logs=1) and ends
            Exchange.ResponseStream out = x.hijack(tty ? StreamFrames.RAW : StreamFrames.MULTIPLEXED, data -> { }, () -> { });
            try (out) {
                if (logs) {
                    replayLog(c, stdout, stderr, new StreamFrames(out, tty));
                }
            }
            return;
        }
        EarlyOutput output = new EarlyOutput(stdout, stderr);
        // attached before the client hears the response: it starts the container right after
        Attachments.Attachment attachment = containers.streams().attach(c.id(), output);
        Exchange.ResponseStream out;
        try {
            out = x.hijack(tty ? StreamFrames.RAW : StreamFrames.MULTIPLEXED,
                    data -> {
                        if (!stdin) {
                            return;
                        }
                        // like Docker, only a terminal's input is watched for the detach keys
                        DetachFilter.Filtered f = tty ? detach.filter(data) : new DetachFilter.Filtered(data, false);
                        if (f.deliver().length > 0) {
                            containers.streams().writeStdin(c.id(), f.deliver());
                        }
                        if (f.detached()) {
                            // the client detached: the container keeps running, this connection ends
                            containers.streams().detach(attachment);
                        }
                    },
                    () -> {
                        // like Docker (moby's CopyStreams): the end of a client's input ends the
                        // container's stdin for StdinOnce without a TTY; otherwise it ends this
                        // attach and the container keeps running with its stdin open
                        if (!stdin) {
                            return;
                        }
                        if (c.config().stdinOnce() && !tty) {
                            containers.streams().closeStdin(c.id());
                        } else {
                            containers.streams().detach(attachment);
                        }
                    });
        } catch (RuntimeException e) {
            containers.streams().detach(attachment);
            throw e;
        }
        StreamFrames frames = new StreamFrames(out, tty);
        if (logs) {
            replayLog(c, stdout, stderr, frames);
        }
        output.connect(frames);
        x.onClose(() -> containers.streams().detach(attachment));
        try {
            attachment.ended().get();
        } catch (java.util.concurrent.ExecutionException e) {
            // ended either way
        } finally {
            containers.streams().detach(attachment);
            out.close();
        }
    }

    /** What the container logged so far, before the live output (attach's {@code logs=1}). */
    private void replayLog(Container c, boolean stdout, boolean stderr, StreamFrames frames) throws InterruptedException {
        if (!stdout && !stderr) {
            return;
        }
        try (LogCursor cursor = containers.logs().read(c.id(), LogQuery.all().withStreams(stdout, stderr))) {
            LogRecord record;
            while ((record = cursor.next()) != null) {
                frames.write(record.stream() == LogStream.STDERR ? 2 : 1, record.line());
            }
        }
        frames.flush();
    }

    static int size(Exchange x, String name) {
        Integer v = x.queryInt(name);
        if (v == null || v < 0 || v > 65535) {
            throw ApiException.badRequest("invalid " + (name.equals("h") ? "height" : "width") + ": " + x.query(name));
        }
        return v;
    }

    /** The {@code detachKeys} parameter in Docker's format; absent or empty means ctrl-p,ctrl-q. */
    private static DetachKeys detachKeys(Exchange x) {
        String keys = x.query("detachKeys");
        try {
            return DetachKeys.fromOption(keys);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid detach keys (" + keys + ") provided");
        }
    }

    private void execCreate(Exchange x) {
        JsonNode body = RequestBodies.EXEC.read(x.bodyJson(JsonNode.class));
        List<String> cmd = strings(body.get("Cmd"));
        if (cmd.isEmpty()) {
            throw ApiException.badRequest("No exec command specified");
        }
        ExecRequest request = new ExecRequest(cmd, strings(body.get("Env")), text(body, "User"),
                text(body, "WorkingDir"), body.path("Privileged").asBoolean(false), body.path("Tty").asBoolean(false),
                body.path("AttachStdin").asBoolean(false), body.path("AttachStdout").asBoolean(false),
                body.path("AttachStderr").asBoolean(false), consoleSize(body));
        String keys = text(body, "DetachKeys");
        try {
            DetachKeys.fromOption(keys);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid detach keys (" + keys + ") provided");
        }
        Execs.Exec exec = execs.create(x.param("id"), request, keys);
        x.json(201, Map.of("Id", exec.id()));
    }

    /** Docker's {@code ConsoleSize}: [height, width]; absent or zeros mean none. */
    private static WindowSize consoleSize(JsonNode body) {
        JsonNode size = body.get("ConsoleSize");
        if (size == null || size.isNull()) {
            return null;
        }
        if (!size.isArray() || size.size() != 2 || !size.get(0).canConvertToInt() || !size.get(1).canConvertToInt()
                || size.get(0).asInt() < 0 || size.get(1).asInt() < 0 || size.get(0).asInt() > 65535 || size.get(1).asInt() > 65535) {
            throw ApiException.badRequest("invalid ConsoleSize " + size + ": expected [height, width]");
        }
        int rows = size.get(0).asInt();
        int cols = size.get(1).asInt();
        return rows > 0 && cols > 0 ? new WindowSize(rows, cols) : null;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isTextual()) {
            out.add(node.asText());
            return out;
        }
        if (!node.isArray()) {
            throw ApiException.badRequest("json: cannot unmarshal " + node.getNodeType().name().toLowerCase()
                    + " into a list of strings");
        }
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private void execStart(Exchange x) {
        JsonNode body = x.bodyJson(JsonNode.class);
        Execs.Exec exec = execs.get(x.param("id"));
        boolean detach = body.path("Detach").asBoolean(false);
        WindowSize consoleSize = consoleSize(body);
        if (detach) {
            ExecSession session = execs.begin(exec.id(), consoleSize, (stream, data, length) -> { });
            Thread waiter = new Thread(() -> execs.finish(exec.id(), session), "exec-" + exec.id().substring(0, 12));
            waiter.setDaemon(true);
            waiter.start();
            x.status(200);
            return;
        }
        // Docker frames the output by the start request's Tty, not the exec's: a process with a
        // terminal can be read multiplexed (all of it stdout) and one without read raw
        boolean rawOutput = body.path("Tty").asBoolean(false);
        boolean tty = exec.request().tty();
        boolean stdin = exec.request().attachStdin();
        DetachFilter detachFilter = new DetachFilter(DetachKeys.fromOption(exec.detachKeys()));
        java.util.concurrent.CountDownLatch detached = new java.util.concurrent.CountDownLatch(1);
        Exchange.ResponseStream out = x.hijack(rawOutput ? StreamFrames.RAW : StreamFrames.MULTIPLEXED,
                data -> {
                    if (!stdin) {
                        return;
                    }
                    DetachFilter.Filtered f = tty ? detachFilter.filter(data) : new DetachFilter.Filtered(data, false);
                    if (f.deliver().length > 0) {
                        execs.writeInput(exec.id(), f.deliver());
                    }
                    if (f.detached()) {
                        detached.countDown();
                    }
                },
                () -> execs.closeInput(exec.id()));
        StreamFrames frames = new StreamFrames(out, rawOutput);
        try {
            ExecSession started = execs.begin(exec.id(), consoleSize, (stream, data, length) -> {
                if (exec.request().attached(stream)) {
                    frames.writeNow(stream.id(), data, 0, length);
                }
            });
            Thread finisher = new Thread(() -> {
                execs.finish(exec.id(), started);
                detached.countDown();
            }, "exec-" + exec.id().substring(0, 12));
            finisher.setDaemon(true);
            finisher.start();
            x.onClose(detached::countDown);
            detached.await();
        } catch (ContainerStartException e) {
            // Docker reports a failed exec in the stream and through the exec's exit code
            byte[] message = (e.getMessage() + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            frames.writeNow(1, message, 0, message.length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            out.close();
        }
    }

    private void execInspect(Exchange x) {
        Execs.Exec exec = execs.get(x.param("id"));
        ObjectNode n = json.createObjectNode();
        n.put("CanRemove", false);
        n.put("ContainerID", exec.containerId());
        n.put("DetachKeys", exec.detachKeys() == null ? "" : exec.detachKeys());
        if (exec.exitCode() == null) {
            n.putNull("ExitCode");
        } else {
            n.put("ExitCode", exec.exitCode());
        }
        n.put("ID", exec.id());
        n.put("OpenStderr", exec.request().attachStderr());
        n.put("OpenStdin", exec.request().attachStdin());
        n.put("OpenStdout", exec.request().attachStdout());
        n.put("Running", exec.running());
        ObjectNode pc = n.putObject("ProcessConfig");
        pc.set("arguments", json.valueToTree(exec.request().cmd().subList(1, exec.request().cmd().size())));
        pc.put("entrypoint", exec.request().cmd().get(0));
        pc.put("privileged", exec.request().privileged());
        pc.put("tty", exec.request().tty());
        pc.put("user", exec.request().user() == null ? "" : exec.request().user());
        n.put("Pid", exec.pid());
        x.json(200, n);
    }
}
