package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * A {@code run} command line made into what {@code POST /containers/create} takes, by the very
 * parser and body builder {@code purser run} uses: the dashboard's run form builds its request
 * here, so a flag the CLI refuses (or does not know yet) is refused the same way, in the same words.
 */
public record RunRequest(String name, String platform, String image, ObjectNode body) {
    /**
     * @param args {@code run}'s arguments: flags, then the image and the command
     * @param detach whether the container runs detached ({@code -d}); the flags may still ask for {@code -it}
     * @throws IllegalArgumentException with docker's words when the arguments are not a valid {@code run}
     */
    public static RunRequest parse(List<String> args, boolean detach, Map<String, String> env) {
        RunCommand run = new RunCommand();
        CommandLine cl = new CommandLine(run);
        cl.setStopAtPositional(true);
        cl.setOverwrittenOptionsAllowed(true);
        cl.setPosixClusteredShortOptionsAllowed(true);
        cl.setExpandAtFiles(false);
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (run.args.isEmpty()) throw new IllegalArgumentException("an image is needed");
        try {
            run.refuseUnappliedFlags();
            ObjectNode body = CreateBody.build(run.flags, run.args.get(0), run.args.subList(1, run.args.size()), detach, env);
            return new RunRequest(run.flags.name, run.flags.platform, run.args.get(0), body);
        } catch (CliError e) {
            throw new IllegalArgumentException(firstLine(e.getMessage()).replaceFirst("^purser: ", ""), e);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
