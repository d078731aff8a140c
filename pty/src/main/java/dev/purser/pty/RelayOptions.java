package dev.purser.pty;

import java.util.Optional;

/**
 * How a {@link TerminalRelay} treats the local input.
 *
 * @param detachKeys when present, the relay ends with {@link TerminalRelay.End#DETACHED} as soon as
 *     the sequence is typed; the bytes before it are still sent, the sequence is not (as docker/cli
 *     does client-side, in addition to the daemon's own check)
 * @param onLocalEnd run once when the local input reaches its end; Docker half-closes the
 *     connection here (CloseWrite) and keeps showing output until the container side closes
 */
public record RelayOptions(Optional<DetachKeys> detachKeys, Runnable onLocalEnd) {

    /** Relay everything; do nothing special at the end of local input. */
    public static RelayOptions plain() {
        return new RelayOptions(Optional.empty(), () -> { });
    }

    public RelayOptions detachOn(DetachKeys keys) {
        return new RelayOptions(Optional.of(keys), onLocalEnd);
    }

    public RelayOptions onLocalEnd(Runnable action) {
        return new RelayOptions(detachKeys, action);
    }
}
