package dev.purser.engine.network.ports;

import java.net.InetAddress;

/** A host socket bound for one published port, which forwards what arrives into the container once started. */
interface Forwarder extends AutoCloseable {
    /** Starts forwarding to the container port at {@code container}, the container's address on its bridge. */
    void start(InetAddress container);

    /** Stops listening and ends every connection or flow it carries. */
    @Override
    void close();
}
