package dev.purser.engine.api;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The head of a request the early listener may answer itself: {@code GET} or {@code HEAD} of
 * {@code /_ping}, with no body. Anything else, and anything it cannot read as plainly well-formed
 * HTTP/1.x, is not one: the server gets those, and answers them as it answers every request
 * (docs/decisions/0055). Strict on purpose, so the early listener never says 200 where the server
 * would have said 400.
 */
record EarlyRequest(String method, boolean keepAlive) {
    /** The end of the head in {@code bytes[0..length)}: the index after its blank line, or -1 while it is incomplete. */
    static int headEnd(byte[] bytes, int length) {
        for (int i = 3; i < length; i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The request whose head is {@code bytes[0..end)} (end from {@link #headEnd}), if the early listener answers it. */
    static Optional<EarlyRequest> answerable(byte[] bytes, int end) {
        String head = new String(bytes, 0, end - 4, StandardCharsets.ISO_8859_1);
        String joined = head.replace("\r\n", "");
        if (joined.indexOf('\n') >= 0 || joined.indexOf('\r') >= 0) {
            return Optional.empty(); // a bare CR or LF: the server's codec decides what it means
        }
        // no String.split: a regular expression would be most of this path's cost in a fresh JVM
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (int from = 0, to; from <= head.length(); from = to + 2) {
            to = head.indexOf("\r\n", from);
            to = to < 0 ? head.length() : to;
            lines.add(head.substring(from, to));
        }
        String[] line = lines.get(0).split(" ", -1);
        if (line.length != 3 || !(line[0].equals("GET") || line[0].equals("HEAD")) || !isPing(line[1])) {
            return Optional.empty();
        }
        boolean http11 = line[2].equals("HTTP/1.1");
        if (!http11 && !line[2].equals("HTTP/1.0")) {
            return Optional.empty();
        }
        boolean close = false;
        boolean keepAlive = false;
        for (String header : lines.subList(1, lines.size())) {
            int colon = header.indexOf(':');
            if (colon <= 0 || !isToken(header, colon)) {
                return Optional.empty();
            }
            String name = header.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
            String value = header.substring(colon + 1).strip().toLowerCase(java.util.Locale.ROOT);
            switch (name) {
                case "content-length" -> {
                    if (!value.equals("0")) {
                        return Optional.empty();
                    }
                }
                case "transfer-encoding", "upgrade", "expect" -> {
                    return Optional.empty();
                }
                case "connection" -> {
                    for (String option : value.split(",", -1)) {
                        close |= option.strip().equals("close");
                        keepAlive |= option.strip().equals("keep-alive");
                    }
                }
                default -> { }
            }
        }
        // as the server's codec decides it: close wins, HTTP/1.0 stays open only when asked
        return Optional.of(new EarlyRequest(line[0], !close && (http11 || keepAlive)));
    }

    /** {@code /_ping} as Docker's clients ask for it: no query, which the server would decode, no version, which it would check. */
    private static boolean isPing(String target) {
        return target.equals("/_ping");
    }

    /** A header name of token characters only (RFC 9110), as the server's codec wants it. */
    private static boolean isToken(String line, int end) {
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            boolean ok = c > ' ' && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    boolean head() {
        return method.equals("HEAD");
    }
}
