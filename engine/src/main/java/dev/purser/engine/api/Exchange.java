package dev.purser.engine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.container.DockerJson;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One request and its response, as an endpoint sees it. The response is either complete
 * ({@link #json}, {@link #status}), streamed ({@link #stream}: logs, events, pull progress),
 * or the connection is hijacked for raw bytes both ways ({@link #hijack}: attach, exec).
 */
public final class Exchange {
    static final String API_VERSION = "1.47";
    static final String MIN_API_VERSION = "1.24";
    /** This daemon's build and process, told to clients in every response ({@link BuildId#HEADER}). */
    static final String BUILD_HEADER = BuildId.of(Exchange.class).map(BuildId::header).orElse(null);

    private final Channel channel;
    private final String method;
    private final String path;
    private final Map<String, String> params;
    private final QueryStringDecoder query;
    private final HttpHeaders headers;
    private final byte[] body;
    private final Path bodyFile;
    private final HijackSupport hijackSupport;
    private final List<Runnable> closeListeners = new CopyOnWriteArrayList<>();
    private final Map<String, String> responseHeaders = new java.util.LinkedHashMap<>();
    private volatile boolean responded;
    private volatile ResponseStream takenOver;

    Exchange(Channel channel, String method, String path, Map<String, String> params, QueryStringDecoder query,
            HttpHeaders headers, byte[] body, Path bodyFile, HijackSupport hijackSupport) {
        this.channel = channel;
        this.method = method;
        this.path = path;
        this.params = params;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.bodyFile = bodyFile;
        this.hijackSupport = hijackSupport;
        channel.closeFuture().addListener(f -> closeListeners.forEach(Runnable::run));
    }

    // ---- request ------------------------------------------------------------------------------

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** A path parameter, URL-decoded. */
    public String param(String name) {
        return QueryStringDecoder.decodeComponent(params.get(name));
    }

    /** A query parameter's last value, or null. */
    public String query(String name) {
        List<String> values = query.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** The API version the client asked for in the path ({@code /v1.41/...}), or this daemon's when none. */
    public String apiVersion() {
        String v = Router.splitVersion(query.path())[1];
        return v == null ? API_VERSION : v;
    }

    public String query(String name, String absent) {
        String v = query(name);
        return v == null ? absent : v;
    }

    public List<String> queryAll(String name) {
        return query.parameters().getOrDefault(name, List.of());
    }

    /** Docker's booleans in queries: 1, true, True; absent is {@code absent}. */
    public boolean queryBool(String name, boolean absent) {
        String v = query(name);
        if (v == null) {
            return absent;
        }
        return v.equals("1") || v.equalsIgnoreCase("true");
    }

    public Integer queryInt(String name) {
        String v = query(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid value for " + name + ": " + v);
        }
    }

    public String header(String name) {
        return headers.get(name);
    }

    public byte[] body() {
        return body == null ? new byte[0] : body;
    }

    /** The body as a stream; for upload routes it reads the spooled file. */
    public InputStream bodyStream() throws IOException {
        return bodyFile != null ? Files.newInputStream(bodyFile) : new ByteArrayInputStream(body());
    }

    /** The body as a JSON object (an empty body is {@code {}}); anything else is a 400. */
    public JsonNode objectBody() {
        JsonNode body = bodyJson(JsonNode.class);
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("invalid JSON: the request body must be an object");
        }
        return body;
    }

    /** The body as JSON of type {@code type}; malformed JSON or wrong field types are a 400. */
    public <T> T bodyJson(Class<T> type) {
        ObjectMapper json = DockerJson.mapper();
        try {
            if (body().length == 0) {
                return json.readValue("{}", type);
            }
            return json.readValue(body(), type);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(JsonErrors.describe(e));
        } catch (IOException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** Runs when the client goes away (including mid-stream). */
    public void onClose(Runnable listener) {
        closeListeners.add(listener);
        if (!channel.isOpen()) {
            listener.run();
        }
    }

    public boolean isOpen() {
        return channel.isOpen();
    }

    boolean responded() {
        return responded;
    }

    // ---- complete responses -----------------------------------------------------------------

    /** A header the response will carry besides the standard ones (set before responding). */
    public void setResponseHeader(String name, String value) {
        responseHeaders.put(name, value);
    }

    public void json(int status, Object value) {
        byte[] bytes;
        try {
            bytes = DockerJson.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        send(status, "application/json", bytes);
    }

    public void status(int status) {
        send(status, null, new byte[0]);
    }

    public void send(int status, String contentType, byte[] content) {
        responded = true;
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(content));
        standardHeaders(response);
        if (contentType != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.length);
        channel.writeAndFlush(response);
    }

    void error(int status, String message) {
        json(status, Map.of("message", message));
    }

    private void standardHeaders(HttpResponse response) {
        responseHeaders.forEach((name, value) -> response.headers().set(name, value));
        dockerHeaders(response);
    }

    /** Docker's JSON error as a whole response, for the edge to answer requests no endpoint sees. */
    static FullHttpResponse errorResponse(int status, String message) {
        byte[] content;
        try {
            content = DockerJson.mapper().writeValueAsBytes(Map.of("message", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(content));
        dockerHeaders(response);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.length);
        return response;
    }

    private static void dockerHeaders(HttpResponse response) {
        response.headers().set("Api-Version", API_VERSION);
        response.headers().set("Docker-Experimental", "false");
        response.headers().set("Ostype", "linux");
        response.headers().set(HttpHeaderNames.SERVER, "purser");
        if (BUILD_HEADER != null) {
            response.headers().set(BuildId.HEADER, BUILD_HEADER);
        }
    }

    // ---- streamed responses -------------------------------------------------------------------

    /**
     * Starts a chunked response; the endpoint writes to it and closes it when done. Like a
     * hijacked one, the connection leaves Netty after the headers (docs/decisions/0004), so it
     * is closed after the response ({@code Connection: close}); bytes the client sends meanwhile
     * are ignored, and its going away is seen (and reported to {@link #onClose} listeners).
     */
    public ResponseStream stream(int status, String contentType) {
        responded = true;
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
        standardHeaders(response);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        takenOver = new ResponseStream(hijackSupport.hijack(channel, response, ignored -> { }, () -> { }), true);
        return takenOver;
    }

    /**
     * Takes the connection over for raw bytes both ways, as Docker does for attach and exec:
     * {@code 101 UPGRADED} when the client asked to upgrade, else {@code 200 OK}, then no more
     * HTTP. Bytes from the client go to {@code input}; {@code inputClosed} runs when the client
     * half-closes or disconnects.
     */
    public ResponseStream hijack(String contentType, Consumer<byte[]> input, Runnable inputClosed) {
        responded = true;
        boolean upgrade = headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                upgrade ? new HttpResponseStatus(101, "UPGRADED") : HttpResponseStatus.OK);
        standardHeaders(response);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        if (upgrade) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
            response.headers().set(HttpHeaderNames.UPGRADE, "tcp");
        }
        takenOver = new ResponseStream(hijackSupport.hijack(channel, response, input, inputClosed), false);
        return takenOver;
    }

    /**
     * Ends the connection after a failure once the response has begun: a stream through its own
     * socket (the channel has left Netty), anything else by closing the channel.
     */
    void abort() {
        ResponseStream stream = takenOver;
        if (stream != null) {
            stream.abort();
        } else {
            channel.close();
        }
    }

    /** The server side of a hijacked connection: how {@link Exchange#hijack} takes it over. */
    interface HijackSupport {
        RawConnection hijack(Channel channel, HttpResponse response, Consumer<byte[]> input, Runnable inputClosed);
    }

    /**
     * Bytes to the client on a connection that has left Netty: HTTP chunks, or raw bytes after a
     * hijack. Writes wait while the client is slow, so a slow reader slows the writer instead of
     * filling memory.
     */
    public static final class ResponseStream implements AutoCloseable {
        private static final byte[] CRLF = {'\r', '\n'};
        private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        private final RawConnection connection;
        private final boolean chunked;
        private volatile boolean closed;

        ResponseStream(RawConnection connection, boolean chunked) {
            this.connection = connection;
            this.chunked = chunked;
        }

        public boolean isOpen() {
            return !closed && connection.isOpen();
        }

        public void write(byte[] data) {
            write(data, 0, data.length);
        }

        public void write(String text) {
            write(text.getBytes(StandardCharsets.UTF_8));
        }

        public void write(byte[] data, int offset, int length) {
            if (!isOpen() || length == 0) {
                return;
            }
            if (!chunked) {
                connection.write(data, offset, length);
                return;
            }
            byte[] size = (Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] chunk = new byte[size.length + length + CRLF.length];
            System.arraycopy(size, 0, chunk, 0, size.length);
            System.arraycopy(data, offset, chunk, size.length, length);
            System.arraycopy(CRLF, 0, chunk, size.length + length, CRLF.length);
            connection.write(chunk, 0, chunk.length);
        }

        /** Ends the response (with the last chunk when chunked) and the connection. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            if (chunked && connection.isOpen()) {
                connection.write(LAST_CHUNK, 0, LAST_CHUNK.length);
            }
            closed = true;
            connection.close();
        }

        /** Ends the connection without finishing the response: the client sees it cut short. */
        void abort() {
            closed = true;
            connection.close();
        }
    }
}
