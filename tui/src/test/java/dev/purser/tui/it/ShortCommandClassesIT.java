package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Short commands stay short: run in a fresh JVM against a real daemon, they load none of the
 * machinery only the daemon or interactive sessions need (docs/decisions/0025). The test runs
 * each command with class-load logging and names what must not appear.
 */
class ShortCommandClassesIT {
    private static final List<String> FORBIDDEN = List.of(
            "ch.qos.logback.", "io.netty.", "com.github.dockerjava.", "jnr.", "com.kenai.jffi.", "sun.security.ssl.",
            "javax.xml.", "com.sun.org.apache.xerces.", "com.googlecode.lanterna.", "io.reactivex.", "java.util.logging.");
    /** What the commands DirectCommandLine reads must not load either: picocli's model and an ObjectMapper (docs/decisions/0053, 0057). */
    private static final List<String> FORBIDDEN_DIRECT = List.of("picocli.", "com.fasterxml.jackson.databind.ObjectMapper",
            "com.fasterxml.jackson.databind.deser.");
    private static InProcessDaemon daemon;

    @BeforeAll
    static void start() {
        daemon = InProcessDaemon.start();
        daemon.importBusybox();
        daemon.purser("create", "--name", "classes-web", "busybox", "true");
        assertThat(daemon.purser("run", "-d", "--name", "classes-running", "busybox", "sleep", "1000").exitCode()).isZero();
    }

    @AfterAll
    static void stop() {
        daemon.purser("rm", "-f", "classes-running");
        daemon.close();
    }

    @Test
    void psLoadsNoLoggingHttpLibraryTlsOrNativeBinding() throws Exception {
        assertThat(forbiddenClassesLoadedBy("ps", "-a")).isEmpty();
    }

    @Test
    void psLoadsNoPicocliAndNoObjectMapper() throws Exception {
        assertThat(classesLoadedBy(FORBIDDEN_DIRECT, "ps", "-a")).isEmpty();
    }

    @Test
    void inspectLoadsNoPicocliAndNoObjectMapper() throws Exception {
        assertThat(classesLoadedBy(FORBIDDEN_DIRECT, "inspect", "classes-web")).isEmpty();
    }

    @Test
    void logsLoadsNoPicocliAndNoObjectMapper() throws Exception {
        assertThat(classesLoadedBy(FORBIDDEN_DIRECT, "logs", "classes-web")).isEmpty();
    }

    @Test
    void stopOfAStoppedContainerLoadsNoPicocliAndNoObjectMapper() throws Exception {
        assertThat(classesLoadedBy(FORBIDDEN_DIRECT, "stop", "classes-web")).isEmpty();
    }

    @Test
    void runRmLoadsNoPicocliAndNoObjectMapper() throws Exception {
        assertThat(classesLoadedBy(FORBIDDEN_DIRECT, "run", "--rm", "busybox", "true")).isEmpty();
    }

    @Test
    void runDetachedLoadsNoPicocliAndNoObjectMapper() throws Exception {
        assertThat(classesLoadedBy(FORBIDDEN_DIRECT, "run", "-d", "--name", "classes-detached", "-e", "A=b", "busybox", "true")).isEmpty();
    }

    @Test
    void runLoadsNoLoggingHttpLibraryTlsOrNativeBinding() throws Exception {
        assertThat(forbiddenClassesLoadedBy("run", "--rm", "busybox", "true")).isEmpty();
    }

    @Test
    void createLoadsNoPicocliAndNoObjectMapper() throws Exception {
        assertThat(classesLoadedBy(FORBIDDEN_DIRECT, "create", "--name", "classes-created", "busybox", "true")).isEmpty();
    }

    @Test
    void execLoadsNoPicocliAndNoObjectMapper() throws Exception {
        assertThat(classesLoadedBy(FORBIDDEN_DIRECT, "exec", "classes-running", "true")).isEmpty();
    }

    @Test
    void execLoadsNoLoggingHttpLibraryTlsOrNativeBinding() throws Exception {
        assertThat(forbiddenClassesLoadedBy("exec", "classes-running", "true")).isEmpty();
    }

    @Test
    void theRunThatMakesTheArchiveAlsoLoadsWhatTheOtherCommandsNeed() throws Exception {
        List<String> wanted = List.of("picocli.CommandLine", "dev.purser.tui.cli.RunCommand", "dev.purser.tui.cli.ExecCommand",
                "dev.purser.tui.cli.FlagIndex", "dev.purser.tui.cli.CreateBody", "dev.purser.tui.client.StreamDemux",
                "dev.purser.tui.cli.HelpText", "com.fasterxml.jackson.databind.ObjectMapper", "dev.purser.tui.view.ContainerRow",
                "dev.purser.tui.format.TableFormat");
        List<String> loaded = classesLoadedBy(wanted, List.of("-Dpurser.archive.training=true"), "stop", "classes-web");
        assertThat(loaded).containsAll(wanted);
        assertThat(Files.readString(daemon.root().resolve("out.txt"))).isEqualTo("classes-web\n");
    }

    @Test
    void versionLoadsNoPicocliAndNoObjectMapper() throws Exception {
        assertThat(classesLoadedBy(FORBIDDEN_DIRECT, "version")).isEmpty();
    }

    @Test
    void inspectLoadsNoLoggingHttpLibraryTlsOrNativeBinding() throws Exception {
        assertThat(forbiddenClassesLoadedBy("inspect", "classes-web")).isEmpty();
    }

    @Test
    void volumeLsLoadsNoLoggingHttpLibraryTlsOrNativeBinding() throws Exception {
        assertThat(forbiddenClassesLoadedBy("volume", "ls")).isEmpty();
    }

    @Test
    void versionLoadsNoLoggingHttpLibraryTlsOrNativeBinding() throws Exception {
        assertThat(forbiddenClassesLoadedBy("version")).isEmpty();
    }

    private static List<String> forbiddenClassesLoadedBy(String... command) throws Exception {
        return classesLoadedBy(FORBIDDEN, command);
    }

    /** The classes a fresh JVM running {@code command} loads whose names start with one of {@code prefixes}. */
    private static List<String> classesLoadedBy(List<String> prefixes, String... command) throws Exception {
        return classesLoadedBy(prefixes, List.of(), command);
    }

    private static List<String> classesLoadedBy(List<String> prefixes, List<String> jvmOptions, String... command) throws Exception {
        Path log = Files.createTempFile(daemon.root(), "classes-", ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.purser.tui.Purser", "-H", daemon.host()));
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(daemon.root().resolve("out.txt").toFile());
        pb.environment().put("PURSER_AUTOSTART", "0");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the command ends").isTrue();
        String output = Files.readString(daemon.root().resolve("out.txt"));
        assertThat(p.exitValue()).as(output).isZero();
        List<String> forbidden = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            int at = line.indexOf("[class,load] ");
            if (at < 0) continue;
            String name = line.substring(at + "[class,load] ".length()).split(" ", 2)[0];
            if (prefixes.stream().anyMatch(name::startsWith)) forbidden.add(name);
        }
        return forbidden;
    }
}
