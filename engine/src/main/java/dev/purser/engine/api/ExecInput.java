package dev.purser.engine.api;

import dev.purser.engine.container.ExecSession;
import java.io.ByteArrayOutputStream;

/**
 * An exec's input from its client. The client sends as soon as the connection is hijacked,
 * which is before the process runs: what comes (and the end of it) is kept until then and
 * passed on in order.
 */
final class ExecInput {
    private final boolean tty;
    private final ByteArrayOutputStream early = new ByteArrayOutputStream();
    private boolean endedEarly;
    private ExecSession session;

    /** With a TTY the end of the client's input is not the end of the process's: the terminal stays. */
    ExecInput(boolean tty) {
        this.tty = tty;
    }

    synchronized void write(byte[] data) {
        if (session == null) {
            early.writeBytes(data);
        } else {
            session.write(data);
        }
    }

    synchronized void end() {
        if (session == null) {
            endedEarly = true;
        } else if (!tty) {
            session.closeInput();
        }
    }

    /** The process runs: what came early goes to it now. */
    synchronized void started(ExecSession started) {
        session = started;
        if (early.size() > 0) {
            started.write(early.toByteArray());
            early.reset();
        }
        if (endedEarly) {
            end();
        }
    }
}
