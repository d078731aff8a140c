package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.tui.client.Containers;
import dev.purser.tui.client.CreatedContainer;
import dev.purser.pty.WindowSize;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code run} and {@code create} share: the container flags, the body built from them, and
 * the create call with its warnings. What happens next is the subclass's.
 */
abstract class NewContainerCommand extends BaseCommand {
    @Mixin ContainerFlags flags;
    @Option(names = {"-q", "--quiet"}) boolean quiet;
    @Parameters List<String> args = new ArrayList<>();

    /** Whether the container will run without a client attached (Docker's AttachStdout etc. are then off). */
    abstract boolean detached();

    /** Checks made before anything is created. */
    void beforeCreate() {}

    /** What the command does once the container exists; its exit code. */
    abstract int created(Containers containers, CreatedContainer created);

    @Override
    public Integer call() {
        requireAtLeast(args, 1);
        refuseUnappliedFlags();
        ObjectNode body;
        try {
            body = CreateBody.build(flags, args.get(0), args.subList(1, args.size()), detached(), session.env);
        } catch (IllegalArgumentException e) {
            throw failure(e.getMessage(), 125);
        }
        if (flags.tty && session.stdoutTerminal()) {
            // as docker: the terminal has the right size from the first instant, before any resize
            try {
                WindowSize size = WindowSize.of(1);
                ((ObjectNode) body.get("HostConfig")).putArray("ConsoleSize").add(size.rows()).add(size.cols());
            } catch (java.io.IOException e) {
                // no size to give: the first resize sets it
            }
        }
        beforeCreate();
        Containers containers;
        CreatedContainer created;
        try {
            containers = session.client().containers();
            created = containers.create(flags.name, flags.platform, body);
        } catch (RuntimeException e) {
            throw createFailed(e);
        }
        created.warnings().forEach(w -> session.err.println("WARNING: " + w));
        return created(containers, created);
    }

    /** How a failed create is reported. */
    abstract CliError createFailed(RuntimeException e);

    private static final java.util.Set<String> PULL_POLICIES = java.util.Set.of("always", "missing", "never");

    /**
     * Flags purser parses but cannot act on yet are refused like a bad flag, before anything is
     * created: purser never pulls, so {@code --pull always} cannot be honoured, while
     * {@code missing} and {@code never} are what it does.
     */
    void refuseUnappliedFlags() {
        if (!PULL_POLICIES.contains(flags.pull)) {
            throw failure("invalid pull option: '" + flags.pull + "': must be one of \"always\", \"missing\" or \"never\"", 125);
        }
        if (flags.pull.equals("always")) {
            throw failure("purser does not support --pull always yet", 125);
        }
    }

    CliError failure(String message, int code) {
        // docker 28 adds no full stop to the message
        return new CliError("purser: " + message + "\n\nRun '" + commandPath() + " --help' for more information", code);
    }
}
