package dev.purser.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * DirectCommandLine reads a plain command line exactly as picocli's tree does (the same command
 * at the same path, every option and argument field the same, the same global options), and
 * leaves every other line to picocli.
 */
class DirectCommandLineTest {
    private static Session session() {
        PrintStream none = new PrintStream(OutputStream.nullOutputStream());
        return new Session(none, none, InputStream.nullInputStream(), Map.of(), false);
    }

    private static Optional<BaseCommand> direct(Session session, String... args) {
        return DirectCommandLine.read(session, args);
    }

    /** Lines the direct reader must take, each read by both and compared. */
    private static final List<String[]> PLAIN = List.of(
            line("ps"), line("ps", "-a"), line("ps", "-aq"), line("ps", "-qa"), line("ps", "--all", "--quiet"),
            line("ps", "-a", "-q", "--no-trunc"), line("ps", "-n", "3"), line("ps", "--last", "3"), line("ps", "--last=0"),
            line("ps", "-f", "status=exited", "-f", "name=web"), line("ps", "--filter=label=a=b"), line("ps", "-l", "-s"),
            line("ps", "-ls"), line("ps", "--format", "{{.ID}}"), line("ps", "--format=table {{.Names}}\t{{.Status}}"),
            line("ps", "--format", "table"), line("ps", "-a", "--format", "{{.ID}}", "-a"), line("ps", "-n", "1", "-n", "2"),
            line("ps", "--latest", "--size"), line("ps", "extra"),
            line("-H", "unix:///x.sock", "ps"), line("--host=unix:///x.sock", "ps", "-a"), line("--root", "/r", "-D", "ps"),
            line("-l", "DEBUG", "ps"), line("--log-level=Info", "--debug", "--root=/s", "ps"), line("-H", "unix:///a", "-H", "unix:///b", "ps"),
            line("inspect", "web"), line("inspect", "-f", "{{.Id}}", "web", "db"), line("inspect", "--format={{json .}}", "web"),
            line("inspect", "-s", "--type", "container", "web"), line("inspect", "web", "-s"), line("inspect"),
            line("container", "inspect", "web"), line("container", "inspect", "--type", "image", "x"),
            line("container", "ls", "-a"), line("container", "list", "-q"), line("container", "ps", "--no-trunc"),
            line("logs", "done"), line("logs", "-n", "5", "done"), line("logs", "--tail=all", "-t", "done"),
            line("logs", "--since", "10m", "--until", "1m", "done"), line("logs", "-f", "--details", "done"), line("logs", "done", "-t"),
            line("logs", "-ft", "a", "b"), line("container", "logs", "--timestamps", "a"),
            line("stop", "done"), line("stop", "-t", "3", "a", "b"), line("stop", "--time=0", "a"),
            line("stop", "--timeout", "30", "-s", "SIGINT", "a"), line("stop", "--signal=KILL", "a"), line("stop"),
            line("container", "stop", "-t", "1", "a"),
            line("version"), line("version", "-f", "{{.Server.Version}}"), line("version", "--format={{json .}}"), line("version", "extra"),
            line("run", "busybox"), line("run", "--rm", "busybox", "true"), line("run", "-d", "busybox", "sleep", "1000"),
            line("run", "-d", "--name", "web", "-p", "8080:80", "-e", "A=b", "-e", "C", "busybox", "httpd", "-f"),
            line("run", "--rm", "-it", "busybox", "sh"), line("run", "-dit", "busybox"), line("run", "-i", "-t", "--rm", "busybox"),
            line("run", "--name=web", "--network", "none", "--net=host", "-v", "/a:/b", "--volume=/c", "busybox"),
            line("run", "-h", "box", "-u", "1000", "-w", "/tmp", "--entrypoint", "sh", "busybox", "-c", "ls -l"),
            line("run", "-c", "512", "--pids-limit", "10", "--stop-timeout", "3", "-m", "64m", "--cpus", "1.5", "busybox"),
            line("run", "--rm", "busybox", "ls", "-l", "--rm", "-d"), line("run", "busybox", "echo", ""), line("run", "busybox", "cat", "-"),
            line("run", "-d", "busybox", "true"), line("run", "--rm", "busybox", "true", "false"), line("run", "-q", "--pull", "never", "busybox"),
            line("run", "--sig-proxy", "--detach-keys", "ctrl-a", "--init", "--privileged", "--read-only", "-P", "busybox"),
            line("run", "-l", "a=b", "--label=c", "--restart", "always", "--mount", "type=tmpfs,dst=/t", "--tmpfs", "/x", "busybox"),
            line("-H", "unix:///x.sock", "run", "--rm", "busybox"), line("container", "run", "-d", "busybox"),
            line("create", "busybox"), line("create", "--name", "c1", "-e", "A=b", "busybox", "sleep", "10"), line("create", "-it", "busybox"),
            line("container", "create", "--rm", "busybox"),
            line("exec", "web", "true"), line("exec", "-it", "web", "sh"), line("exec", "-d", "-e", "A=b", "-u", "0", "-w", "/", "web", "ls", "-l"),
            line("exec", "--privileged", "--detach-keys=ctrl-x", "web", "true"), line("exec", "web"), line("exec"),
            line("container", "exec", "-i", "web", "cat"));

    /** Lines picocli reads: help, errors, unusual forms and every other command. */
    private static final List<String[]> NOT_PLAIN = List.of(
            line(), line("ps", "--help"), line("ps", "-h"), line("ps", "-a", "--help"), line("ps", "--bogus"), line("ps", "-x"),
            line("ps", "-an", "3"), line("ps", "-n3"), line("ps", "-n", "-1"), line("ps", "-n", "+1"), line("ps", "-n", "01"),
            line("ps", "-n", "0x10"), line("ps", "-n", "99999999999"), line("ps", "-n", "three"), line("ps", "--all=true"),
            line("ps", "--format"), line("ps", "--format="), line("ps", "--format", ""), line("ps", "--", "x"), line("ps", "-"),
            line("ps", "-f"), line("ps", "-f", "-a"), line("--theme", "dark", "ps"), line("-v"), line("--version"), line("--help"),
            line("-H"), line("-H", "-D", "ps"), line("--debug=true", "ps"), line("images"), line("container"),
            line("container", "rm", "x"), line("help", "ps"), line("stop", "-t"), line("stop", "-t", "abc", "x"),
            line("inspect", "--type"), line("version", "--bogus"), line("-D"), line("ps", "-H", "x"), line("container", "--help"),
            line("image", "inspect", "x"), line("-l", "info", "ps"), line("--log-level=debug", "ps"), line("-H", "ps", "ps"), line("volume", "ls"),
            line("run", "--help"), line("run", "-h"), line("run", "--rm=false", "busybox"), line("run", "--rm", "true"),
            line("run", "-d", "false", "busybox"), line("run", "-it", "TRUE"), line("run", "--bogus", "busybox"), line("run", "-x", "busybox"),
            line("run", "-eA=b", "busybox"), line("run", "-e", "-x", "busybox"), line("run", "--name", "", "busybox"),
            line("run", "-c", "-1", "busybox"), line("run", "-c", "1k", "busybox"), line("run", "--", "busybox"),
            line("run", "busybox", "--", "x"), line("run", "-"), line("run", "--name"), line("run", "-dn", "x", "busybox"),
            line("exec", "-h"), line("exec", "--help", "web"), line("exec", "-d=true", "web", "x"), line("exec", "--bogus", "web", "x"),
            line("create", "--help"), line("container", "run", "--help"), line("start", "web"));

    private static String[] line(String... args) {
        return args;
    }

    @Test
    void readsEveryPlainLineAsPicocliReadsIt() throws Exception {
        for (String[] args : PLAIN) {
            Session ours = session();
            BaseCommand direct = direct(ours, args).orElseThrow(() -> new AssertionError("not read directly: " + List.of(args)));
            Session theirs = session();
            ParseResult parsed = CommandTree.build(theirs).parseArgs(args);
            while (parsed.hasSubcommand()) parsed = parsed.subcommand();
            Object picocli = parsed.commandSpec().userObject();
            String what = String.join(" ", args);
            assertThat(direct.getClass()).as(what).isEqualTo(picocli.getClass());
            assertThat(direct.commandPath()).as(what).isEqualTo(parsed.commandSpec().qualifiedName(" "));
            assertThat(fields(direct)).as(what).isEqualTo(fields(picocli));
            assertThat(List.of(String.valueOf(ours.hostFlag), String.valueOf(ours.rootFlag))).as(what)
                    .isEqualTo(List.of(String.valueOf(theirs.hostFlag), String.valueOf(theirs.rootFlag)));
            assertThat(direct.session).isSameAs(ours);
        }
    }

    @Test
    void leavesEveryOtherLineToPicocliAndTouchesNothing() {
        for (String[] args : NOT_PLAIN) {
            Session s = session();
            assertThat(direct(s, args)).as(String.join(" ", args)).isEmpty();
            assertThat(s.hostFlag).isNull();
            assertThat(s.rootFlag).isNull();
        }
    }

    @Test
    void aLineLeftToPicocliLeavesTheGlobalOptionsToPicocliToo() {
        Session s = session();
        assertThat(direct(s, "-H", "unix:///x.sock", "ps", "--bogus")).isEmpty();
        assertThat(s.hostFlag).isNull();
    }

    @Test
    void everyFlagOfTheDirectCommandsIsInTheirTablesWithTheKindItsAnnotationGives() {
        Map<String, DirectFlags<?>> tables = new LinkedHashMap<>();
        tables.put("ps", PsCommand.directFlags());
        tables.put("inspect", InspectCommand.directFlags(""));
        tables.put("logs", LogsCommand.directFlags());
        tables.put("stop", StopCommand.directFlags());
        tables.put("version", VersionCommand.directFlags());
        for (Map.Entry<String, DirectFlags<?>> table : tables.entrySet()) {
            BaseCommand command = table.getValue().make();
            CommandLine model = new CommandLine(command);
            Map<String, String> annotated = new HashMap<>();
            for (OptionSpec o : model.getCommandSpec().options()) {
                if (o.usageHelp()) continue;
                Class<?> t = o.type();
                String kind = t == boolean.class ? "FLAG" : t == int.class || t == Integer.class ? "NUMBER" : "TEXT";
                for (String name : o.names()) annotated.put(name, kind);
            }
            assertThat(table.getValue().kinds()).as(table.getKey()).isEqualTo(annotated);
            assertThat(table.getValue().takesPositionals()).as(table.getKey()).isEqualTo(!model.getCommandSpec().positionalParameters().isEmpty());
        }
    }

    @Test
    void theIndexHasEveryFlagOfRunCreateAndExecWithItsNames() {
        for (BaseCommand command : List.<BaseCommand>of(new RunCommand(), new CreateCommand(), new ExecCommand())) {
            CommandLine model = new CommandLine(command);
            String name = model.getCommandName();
            DirectFlags<?> indexed = FlagIndex.flags(name, () -> command);
            assertThat(indexed).as(name).isNotNull();
            List<String> annotated = new ArrayList<>();
            for (OptionSpec o : model.getCommandSpec().options()) {
                if (!o.usageHelp()) annotated.addAll(List.of(o.names()));
            }
            assertThat(indexed.kinds().keySet()).as(name).containsExactlyInAnyOrderElementsOf(annotated);
            assertThat(indexed.takesPositionals()).as(name).isTrue();
        }
    }

    @Test
    void withoutTheIndexRunIsLeftToPicocli() {
        assertThat(FlagIndex.flags("no-such-command", RunCommand::new)).isNull();
    }

    /** The option and argument fields of a command (and of its mixins), by name. */
    private static Map<String, Object> fields(Object command) throws IllegalAccessException {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Field> all = new ArrayList<>();
        for (Class<?> c = command.getClass(); c != Object.class; c = c.getSuperclass()) all.addAll(List.of(c.getDeclaredFields()));
        for (Field f : all) {
            if (f.isAnnotationPresent(CommandLine.Option.class) || f.isAnnotationPresent(CommandLine.Parameters.class)) {
                f.setAccessible(true);
                values.put(f.getName(), f.get(command));
            } else if (f.isAnnotationPresent(CommandLine.Mixin.class)) {
                f.setAccessible(true);
                values.put(f.getName(), fields(f.get(command)));
            }
        }
        return values;
    }
}
