package dev.purser.tui.client;

import dev.purser.engine.api.BuildId;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells the user, once per client, that the daemon answering runs another build of purser than
 * this client (a rebuild or upgrade while the daemon kept running): the command goes on, and the
 * note says how to get the daemon of this build. Silent for daemons that are not purser's
 * (no {@link BuildId#HEADER}) and for clients run from class directories.
 */
public final class BuildMismatchNote {
    private final String host;
    private final PrintStream err;
    private final Optional<BuildId> own;
    private final AtomicBoolean seen = new AtomicBoolean();

    public BuildMismatchNote(String host, PrintStream err, Optional<BuildId> own) {
        this.host = host;
        this.err = err;
        this.own = own;
    }

    /** Looks at the build header of a response; only the first response counts. */
    public void check(String header) {
        if (header == null || own.isEmpty() || !seen.compareAndSet(false, true)) {
            return;
        }
        String[] parts = header.split(";\\s*");
        String theirs = parts[0].trim();
        if (theirs.equals(own.get().value())) {
            return;
        }
        String pid = parts.length > 1 && parts[1].startsWith("pid=") ? parts[1].substring(4) : null;
        err.println("purser: the purser daemon at " + host + " runs another build (" + theirs + ") than this client ("
                + own.get().value() + "); restart it to use this build: "
                + (pid != null ? "kill " + pid + " (it stops its containers), then run purser again" : "stop it and run purser again"));
    }
}
