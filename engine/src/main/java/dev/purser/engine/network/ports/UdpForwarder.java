package dev.purser.engine.network.ports;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A published UDP port: datagrams from each client address go out of a host socket of their
 * own, connected to the container port at the container's bridge address (the container sees
 * the bridge's gateway as the sender), so the container's answers come back to that socket and
 * are sent on to the client from the published port. A flow idle for 90 seconds is forgotten
 * (Docker's userland proxy keeps the same timeout).
 */
final class UdpForwarder implements Forwarder {
    private static final Logger log = LoggerFactory.getLogger(UdpForwarder.class);
    static final Duration IDLE = Duration.ofSeconds(90);
    private static final int DATAGRAM = 65536;

    private final DatagramChannel listener;
    private final int containerPort;
    private final String name;
    private final Map<SocketAddress, Flow> flows = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;
    private volatile boolean closed;

    private final class Flow {
        final DatagramChannel upstream;
        volatile long lastUsed = System.nanoTime();

        Flow(DatagramChannel upstream) {
            this.upstream = upstream;
        }
    }

    private UdpForwarder(DatagramChannel listener, int containerPort, String name) {
        this.listener = listener;
        this.containerPort = containerPort;
        this.name = name;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> daemon("udp-idle-" + name, r));
    }

    static UdpForwarder bind(InetSocketAddress address, int containerPort) throws IOException {
        DatagramChannel channel = DatagramChannel.open(
                address.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(address);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new UdpForwarder(channel, containerPort, address.getPort() + "-" + containerPort);
    }

    int boundPort() throws IOException {
        return ((InetSocketAddress) listener.getLocalAddress()).getPort();
    }

    @Override
    public void start(InetAddress container) {
        InetSocketAddress target = new InetSocketAddress(container, containerPort);
        daemon("udp-" + name, () -> receive(target)).start();
        sweeper.scheduleWithFixedDelay(this::forgetIdle, 10, 10, TimeUnit.SECONDS);
    }

    private void receive(InetSocketAddress target) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(DATAGRAM);
        while (!closed) {
            SocketAddress client;
            try {
                buffer.clear();
                client = listener.receive(buffer);
            } catch (IOException e) {
                if (!closed) log.debug("port {}: receive: {}", name, e.getMessage());
                return;
            }
            buffer.flip();
            try {
                Flow flow = flows.get(client);
                if (flow == null) {
                    flow = open(target, client);
                }
                flow.lastUsed = System.nanoTime();
                flow.upstream.write(buffer);
            } catch (IOException e) {
                // the container refused or is going: this datagram is lost, as on a network
                log.debug("port {}: to the container: {}", name, e.getMessage());
                Flow gone = flows.remove(client);
                if (gone != null) closeQuietly(gone.upstream);
            }
        }
    }

    private Flow open(InetSocketAddress target, SocketAddress client) throws IOException {
        DatagramChannel upstream = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            upstream.connect(target);
        } catch (IOException e) {
            closeQuietly(upstream);
            throw e;
        }
        Flow flow = new Flow(upstream);
        flows.put(client, flow);
        daemon("udp-" + name + "-back", () -> answer(flow, client)).start();
        return flow;
    }

    private void answer(Flow flow, SocketAddress client) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(DATAGRAM);
        try {
            while (!closed) {
                buffer.clear();
                flow.upstream.read(buffer);
                buffer.flip();
                flow.lastUsed = System.nanoTime();
                listener.send(buffer, client);
            }
        } catch (IOException e) {
            // closed by the sweeper or by close(), or the container's port is not open (ICMP)
            flows.remove(client, flow);
            closeQuietly(flow.upstream);
        }
    }

    private void forgetIdle() {
        long now = System.nanoTime();
        flows.forEach((client, flow) -> {
            if (now - flow.lastUsed > IDLE.toNanos()) {
                flows.remove(client, flow);
                closeQuietly(flow.upstream);
            }
        });
    }

    private static void closeQuietly(DatagramChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // already gone
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        closed = true;
        sweeper.shutdownNow();
        closeQuietly(listener);
        flows.values().forEach(f -> closeQuietly(f.upstream));
        flows.clear();
    }
}
