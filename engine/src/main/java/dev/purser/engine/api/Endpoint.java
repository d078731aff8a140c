package dev.purser.engine.api;

/** Handles one route. Runs on a worker thread, never on Netty's event loop, so it may block. */
@FunctionalInterface
public interface Endpoint {
    void handle(Exchange exchange) throws Exception;
}
