package dev.purser.engine.network.ports;

/** A host socket bound for one published port, which forwards what arrives into the container once started. */
interface Forwarder extends AutoCloseable {
    /** Starts forwarding to the container port through sockets made in {@code namespace}. */
    void start(NetworkNamespace namespace);

    /** Stops listening and ends every connection or flow it carries. */
    @Override
    void close();
}
