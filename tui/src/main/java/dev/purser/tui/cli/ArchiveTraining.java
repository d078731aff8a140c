package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.tui.format.TableFormat;
import dev.purser.tui.view.ContainerRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * What the command that makes the class-data-sharing archive (bin/purser, the first command of a
 * build) does after its own work: it loads what the other kinds of commands need, so that the
 * archive serves them too (docs/decisions/0054). A {@code ps} loads neither picocli's tree nor
 * an ObjectMapper, and an archive made by it alone left {@code run} and {@code exec} loading
 * those classes from the jar. Nothing is printed, sent or changed: the tree is built, not run.
 */
public final class ArchiveTraining {
    /** The system property bin/purser sets on the run that dumps the archive. */
    public static final String PROPERTY = "purser.archive.training";

    private ArchiveTraining() {}

    public static void loadTheOtherCommands(Session session) {
        // the rows, the table and the pretty printer of ps and inspect, for an archive made by another command
        ObjectNode summary = ContainerRow.NODES.objectNode().put("Id", "0".repeat(64)).put("Image", "busybox")
                .put("Command", "true").put("Created", 0L).put("State", "exited").put("Status", "Exited (0)");
        summary.putArray("Names").add("/archive-training");
        ObjectNode row = ContainerRow.of(summary, true, Instant.EPOCH);
        new TableFormat(PsCommand.DEFAULT_FORMAT, ContainerRow.HEADER).render(List.of(row));
        InspectCommand.pretty(ContainerRow.NODES.arrayNode().add(summary));
        // run, create and exec read without picocli (FlagIndex): a line read, and the body it makes
        DirectCommandLine.read(session, new String[] {"run", "--rm", "-d", "--name", "archive-training", "-e", "A=b", "-p", "80",
                "-v", "/v", "--network", "none", "busybox", "true"}).ifPresent(command -> {
                    NewContainerCommand run = (NewContainerCommand) command;
                    dev.purser.tui.client.JsonTrees.bytes(CreateBody.build(run.flags, run.args.get(0),
                            run.args.subList(1, run.args.size()), true, java.util.Map.of()));
                });
        DirectCommandLine.read(session, new String[] {"exec", "-i", "-e", "A=b", "archive-training", "true"});
        // what their requests and streams use: a query, the config file's detach keys, an (empty) multiplexed stream
        dev.purser.tui.client.Query.of().add("stream", true).add("detachKeys", "ctrl-p,ctrl-q").toString();
        ConfigFile.detachKeys(null, session.env);
        try {
            dev.purser.tui.client.StreamDemux.copy(java.io.InputStream.nullInputStream(), false,
                    java.io.OutputStream.nullOutputStream(), java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        picocli.CommandLine tree = CommandTree.build(session);
        new HelpText(FlagDescriptions::load).of(tree.getSubcommands().get("run"));
        try {
            ObjectMapper mapper = new ObjectMapper();
            mapper.writeValueAsBytes(mapper.readTree("{\"Id\":\"x\",\"Warnings\":[],\"n\":1}"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
