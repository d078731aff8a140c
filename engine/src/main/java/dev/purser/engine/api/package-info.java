/**
 * The Docker Engine API over a Unix socket: the Netty server, request routing, the mapping of
 * engine errors to Docker's status codes, streaming and hijacked responses, and the endpoints
 * themselves. Endpoints translate between Docker's JSON and the engine's Java API; they hold
 * no state of their own.
 */
package dev.purser.engine.api;
