package dev.purser.tui.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Locale;

/**
 * Where a daemon listens, from Docker's host syntax: {@code unix:///path} or {@code tcp://host:port}
 * (plain; port 2375 when left out). Opening a connection turns socket failures into the messages
 * the user can act on.
 */
record DaemonAddress(String host, SocketAddress socket) {
    static DaemonAddress of(String host) {
        if (host.startsWith("unix://")) return new DaemonAddress(host, UnixDomainSocketAddress.of(host.substring("unix://".length())));
        URI uri = URI.create(host.startsWith("tcp://") ? "http://" + host.substring(6) : host);
        return new DaemonAddress(host, new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort()));
    }

    SocketChannel connect() {
        try {
            return SocketChannel.open(socket);
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("permission denied")) throw DaemonUnavailableException.permissionDenied(host);
            throw DaemonUnavailableException.notRunning(host);
        }
    }
}
