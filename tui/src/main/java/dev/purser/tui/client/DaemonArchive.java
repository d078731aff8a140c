package dev.purser.tui.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The class-data-sharing archive of an auto-started daemon: beside its jar copy (named by the
 * jar's hash, decision 0018) and named by the java that runs it, so neither a rebuild nor another
 * JDK ever maps a stale one (the JVM checks the jar too and ignores an archive that does not
 * match). The first daemon of a build dumps it as it exits (SIGTERM, {@code kill}); every later
 * one maps it, which takes about 40 % off its start-up CPU (decision 0042).
 */
public record DaemonArchive(Path file) {
    /** The archive for {@code jarCopy} run by {@code java}. */
    public static DaemonArchive of(Path jarCopy, String java) {
        String name = jarCopy.getFileName().toString().replaceFirst("\\.jar$", "");
        String javaId = Integer.toHexString(java.hashCode());
        return new DaemonArchive(jarCopy.resolveSibling(name + "-" + javaId + ".jsa"));
    }

    /** The JVM options that map the archive when it is there, else make it at exit. */
    public List<String> jvmOptions() {
        if (Files.isRegularFile(file)) {
            return List.of("-XX:SharedArchiveFile=" + file, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        return List.of("-XX:ArchiveClassesAtExit=" + file, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }
}
