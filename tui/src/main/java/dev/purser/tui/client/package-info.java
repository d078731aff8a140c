/**
 * The client of the Docker Engine API that the command line and the dashboard share.
 *
 * <p>Requests go through docker-java's zerodep transport on the daemon's Unix socket and come back
 * as Jackson trees with Docker's own field names, so {@code inspect} and {@code --format} see
 * exactly what the daemon sent and the same code drives purser's daemon or a real dockerd (no
 * purser-only endpoints). {@link dev.purser.tui.client.DaemonLauncher} starts purser's daemon on
 * demand when its own socket does not answer.
 */
package dev.purser.tui.client;
