package dev.purser.tui.client;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells apart the ways a Unix socket can fail before any HTTP is spoken, so the client can say
 * precisely what is wrong (and decide whether starting a daemon could help).
 */
public final class SocketProbe {
    public enum State { ANSWERS, MISSING, REFUSED, PERMISSION_DENIED }

    private SocketProbe() {}

    public static State probe(Path socket) {
        if (!Files.exists(socket)) return State.MISSING;
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return State.ANSWERS;
        } catch (AccessDeniedException e) {
            return State.PERMISSION_DENIED;
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase();
            if (m.contains("permission denied")) return State.PERMISSION_DENIED;
            if (m.contains("no such file")) return State.MISSING;
            return State.REFUSED;
        }
    }
}
