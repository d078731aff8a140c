package dev.purser.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.Purser;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** docker's help conventions: -h, help COMMAND, COMMAND --help with every flag described. */
class HelpTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int purser(String... args) {
        return Purser.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                InputStream.nullInputStream(), Map.of("PURSER_HOST", "unix:///nonexistent/purser.sock", "PURSER_AUTOSTART", "0"), false);
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }
    private String err() { return err.toString(StandardCharsets.UTF_8); }

    private static Session session() {
        PrintStream nowhere = new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        return new Session(nowhere, nowhere, InputStream.nullInputStream(), Map.of("PURSER_AUTOSTART", "0"), false);
    }

    /** Every command of the tree once, whatever paths and aliases reach it. */
    private static List<CommandLine> everyCommand() {
        List<CommandLine> all = new ArrayList<>();
        Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
        List<CommandLine> todo = new ArrayList<>(List.of(CommandTree.build(session())));
        while (!todo.isEmpty()) {
            CommandLine cl = todo.remove(0);
            if (seen.put(cl, true) != null) continue;
            all.add(cl);
            todo.addAll(cl.getSubcommands().values());
        }
        return all;
    }

    @Test
    void everyFlagOfEveryCommandHasADescription() {
        FlagDescriptions flags = FlagDescriptions.load();
        List<String> undescribed = new ArrayList<>();
        for (CommandLine cl : everyCommand()) {
            for (OptionSpec o : cl.getCommandSpec().options()) {
                if (o.hidden() || o.usageHelp()) continue;
                if (flags.description(cl.getCommandSpec(), o).isBlank()) {
                    undescribed.add(cl.getCommandSpec().qualifiedName(" ") + " " + o.longestName());
                }
            }
        }
        assertThat(undescribed).isEmpty();
    }

    @Test
    void everyCommandHasADescription() {
        List<String> undescribed = everyCommand().stream()
                .filter(cl -> String.join("", cl.getCommandSpec().usageMessage().description()).isBlank())
                .map(cl -> cl.getCommandSpec().qualifiedName(" ")).toList();
        assertThat(undescribed).isEmpty();
    }

    @Test
    void runHelpHasDockersShape() {
        assertThat(purser("run", "--help")).isZero();
        assertThat(out()).startsWith("""
                Usage:  purser run [OPTIONS] IMAGE [COMMAND] [ARG...]

                Create and run a new container from an image

                Aliases:
                  purser container run, purser run

                Options:
                """);
        assertThat(out()).containsPattern("\n      --rm +Automatically remove the container when it exits\n")
                .containsPattern("\n  -d, --detach +Run container in background and print container ID\n")
                .containsPattern("\n      --name string +Assign a name to the container\n");
    }

    @Test
    void optionsAreListedByLongName() {
        purser("ps", "--help");
        assertThat(out()).containsSubsequence("--all", "--filter", "--format", "--last", "--latest", "--no-trunc", "--quiet", "--size");
    }

    @Test
    void aGroupCommandsUsageNamesItsPathOnce() {
        assertThat(purser("image", "prune", "--help")).isZero();
        assertThat(out()).startsWith("Usage:  purser image prune [OPTIONS]\n");
    }

    @Test
    void theVolumeCommandsAreListedWithDockersDescriptions() {
        assertThat(purser("volume", "--help")).isZero();
        assertThat(out()).startsWith("Usage:  purser volume COMMAND\n\nManage volumes\n\nCommands:\n"
                + "  create      Create a volume\n"
                + "  inspect     Display detailed information on one or more volumes\n"
                + "  ls          List volumes\n"
                + "  prune       Remove unused local volumes\n"
                + "  rm          Remove one or more volumes\n");
    }

    @Test
    void volumeIsAManagementCommandAtTheTopLevel() {
        assertThat(purser("--help")).isZero();
        String management = out().substring(out().indexOf("Management Commands:"), out().indexOf("\nCommands:"));
        assertThat(management).contains("  volume      Manage volumes\n");
    }

    @Test
    void volumeLsHasItsAliasAndNoHiddenFlags() {
        assertThat(purser("volume", "ls", "--help")).isZero();
        assertThat(out()).startsWith("Usage:  purser volume ls [OPTIONS]\n\nList volumes\n\nAliases:\n  purser volume ls, purser volume list\n");
    }

    @Test
    void volumeCreateHidesNameAsDockerDoes() {
        assertThat(purser("volume", "create", "--help")).isZero();
        assertThat(out()).doesNotContain("--name").contains("  -d, --driver string   Specify volume driver name (default \"local\")\n");
    }

    @Test
    void theManagementFormSaysItsOwnPathAndAliases() {
        assertThat(purser("container", "ls", "--help")).isZero();
        assertThat(out()).startsWith("Usage:  purser container ls [OPTIONS]\n\nList containers\n\nAliases:\n"
                + "  purser container ls, purser container list, purser container ps, purser ps\n");
    }

    @Test
    void shortHelpPrintsTheUsageAndSaysItIsDeprecatedAsDockerDoes() {
        assertThat(purser("-h")).isZero();
        assertThat(out()).startsWith("Usage:  purser [OPTIONS] COMMAND\n");
        assertThat(err()).isEqualTo(CommandTree.SHORT_HELP_WARNING + "\n");
    }

    @Test
    void shortHelpWorksOnCommandsThatDoNotUseH() {
        assertThat(purser("ps", "-h")).isZero();
        assertThat(out()).startsWith("Usage:  purser ps [OPTIONS]\n");
    }

    @Test
    void shortHIsStillRunsHostname() {
        purser("run", "--help");
        assertThat(out()).containsPattern("\n  -h, --hostname string +Container host name\n");
    }

    @Test
    void theTopLevelHelpListsCommandsByKind() {
        assertThat(purser("--help")).isZero();
        assertThat(out()).containsSubsequence("Common Commands:\n", "  run ", "Management Commands:\n", "  container   Manage containers\n",
                "Commands:\n", "  attach ", "Global Options:\n", "  -H, --host string", "Run 'purser COMMAND --help' for more information on a command.\n");
        assertThat(out()).doesNotContain("  help ");
    }

    @Test
    void helpCommandPrintsWhatDashDashHelpPrints() {
        assertThat(purser("run", "--help")).isZero();
        String direct = out();
        out.reset();
        assertThat(purser("help", "run")).isZero();
        assertThat(out()).isEqualTo(direct);
    }

    @Test
    void helpCommandReachesManagementCommands() {
        assertThat(purser("help", "container", "ls")).isZero();
        assertThat(out()).startsWith("Usage:  purser container ls [OPTIONS]\n");
    }

    @Test
    void helpWithoutATopicPrintsTheTopLevelHelp() {
        assertThat(purser("help")).isZero();
        assertThat(out()).startsWith("Usage:  purser [OPTIONS] COMMAND\n");
    }

    @Test
    void helpForAnUnknownTopicSaysSoAndExits1() {
        assertThat(purser("help", "container", "frob", "x")).isEqualTo(1);
        assertThat(err()).isEqualTo("unknown help topic: frob x\n");
    }

    @Test
    void aManagementCommandsHelpListsItsCommands() {
        assertThat(purser("image", "--help")).isZero();
        assertThat(out()).startsWith("Usage:  purser image COMMAND\n\nManage images\n\nCommands:\n")
                .contains("\n  ls          List images\n")
                .endsWith("\nRun 'purser image COMMAND --help' for more information on a command.\n");
    }

    @Test
    void anUnknownCommandOfAManagementCommandIsNamedAsDocker28Does() {
        assertThat(purser("container", "commit")).isEqualTo(1);
        assertThat(err()).isEqualTo("purser: unknown command: purser container commit\n\nUsage:  purser container\n\n"
                + "Run 'purser container --help' for more information\n");
    }

    @Test
    void anUnknownTopLevelCommandKeepsDocker28sWording() {
        assertThat(purser("frobnicate")).isEqualTo(1);
        assertThat(err()).isEqualTo("purser: unknown command: purser frobnicate\n\nRun 'purser --help' for more information\n");
    }

    @Test
    void aFlagErrorOfAManagementFormShowsItsPath() {
        assertThat(purser("container", "ls", "--bogus")).isEqualTo(125);
        assertThat(err()).isEqualTo("unknown flag: --bogus\n\nUsage:  purser container ls [OPTIONS]\n\n"
                + "Run 'purser container ls --help' for more information\n");
    }

    @Test
    void anUnknownDaemonFlagIsAUsageErrorNotAJavaException() {
        assertThat(purser("daemon", "--bogus")).isEqualTo(125);
        assertThat(err()).isEqualTo("unknown flag: --bogus\n\nUsage:  purser daemon [OPTIONS]\n\nRun 'purser daemon --help' for more information\n");
    }

    @Test
    void daemonArgumentsAreRefused() {
        assertThat(purser("daemon", "extra")).isEqualTo(1);
        assertThat(err()).startsWith("purser: 'purser daemon' accepts no arguments");
    }

    @Test
    void aDaemonHostThatIsNotAUnixSocketIsAMessage() {
        assertThat(purser("daemon", "-H", "tcp://127.0.0.1:2375")).isEqualTo(1);
        assertThat(err()).isEqualTo("purser: only unix:// hosts are supported, not tcp://127.0.0.1:2375\n");
    }
}
