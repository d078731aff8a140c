package dev.purser.tui.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** An HTTP/1.1 status line and headers (names lower-cased), read from a daemon's answer. */
record ResponseHead(int status, Map<String, String> headers) {
    static ResponseHead read(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) throw new IOException("bad response from daemon: " + statusLine);
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("bad response from daemon: " + statusLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line; !(line = line(in)).isEmpty(); ) {
            int colon = line.indexOf(':');
            if (colon > 0) headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new ResponseHead(status, headers);
    }

    /** The header's value, or null; names are matched without regard to case. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    boolean chunked() {
        String te = header("transfer-encoding");
        return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** The Content-Length, or -1 when the body is chunked or runs to the end of the connection. */
    long contentLength() {
        String cl = header("content-length");
        if (cl == null || chunked()) return -1;
        try {
            return Long.parseLong(cl);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The body that follows this head on {@code in}, framed as the head says (RFC 9112 §6.3). */
    InputStream body(InputStream in, String method) {
        if (method.equals("HEAD") || status == 204 || status == 304 || status < 200) return InputStream.nullInputStream();
        if (chunked()) return new ChunkedInput(in);
        long length = contentLength();
        return length >= 0 ? new BoundedInput(in, length) : in;
    }

    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') break;
            if (b != '\r') line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
