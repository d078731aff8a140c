/**
 * The docker-compatible command line: picocli commands that parse Docker's flags, call the
 * {@link dev.purser.tui.client} layer and print Docker's output, errors and exit codes. The
 * commonest short commands, on a plain command line, are read without picocli
 * ({@link dev.purser.tui.cli.DirectCommandLine}, docs/decisions/0053); their picocli
 * annotations stay the definition, and a test holds the two readings together. {@code run},
 * {@code create} and {@code exec} take their flags from an index written at build time from
 * picocli's model ({@link dev.purser.tui.cli.FlagIndex}, docs/decisions/0057).
 *
 * <p>Commands never exit the JVM: they return an exit code, so integration tests can run
 * {@code Purser.run(args, out, err)} in-process.
 */
package dev.purser.tui.cli;
