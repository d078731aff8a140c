package dev.purser.engine.container;

import dev.purser.engine.store.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files Docker writes per container and binds over /etc inside it: hostname, hosts and
 * resolv.conf. resolv.conf is the host's, without loopback name servers, which cannot be
 * reached from the container's own network namespace (Docker falls back to public servers
 * there; purser keeps the file honest instead and lets the network issue decide).
 */
final class ContainerFiles {
    /** 0644 as Docker has them: a container running as any user must be able to resolve names. */
    private static final String READABLE = "rw-r--r--";

    private ContainerFiles() {}

    static void write(Path dir, String hostname) {
        AtomicFile.write(dir.resolve("hostname"), (hostname + "\n").getBytes(StandardCharsets.UTF_8), READABLE);
        String hosts = """
                127.0.0.1\tlocalhost
                ::1\tlocalhost ip6-localhost ip6-loopback
                fe00::0\tip6-localnet
                ff00::0\tip6-mcastprefix
                ff02::1\tip6-allnodes
                ff02::2\tip6-allrouters
                """;
        AtomicFile.write(dir.resolve("hosts"), hosts.getBytes(StandardCharsets.UTF_8), READABLE);
        AtomicFile.write(dir.resolve("resolv.conf"), resolvConf().getBytes(StandardCharsets.UTF_8), READABLE);
    }

    /** Puts back 0644 on files an older purser wrote 0600, before they are bound into the container. */
    static void makeReadable(Path dir) throws IOException {
        for (String name : new String[] {"hostname", "hosts", "resolv.conf"}) {
            Path f = dir.resolve(name);
            if (Files.exists(f)) {
                Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString(READABLE));
            }
        }
    }

    private static String resolvConf() {
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/etc/resolv.conf"))) {
                String t = line.trim();
                if (t.startsWith("nameserver") && (t.contains(" 127.") || t.endsWith(" ::1"))) {
                    continue;
                }
                out.add(line);
            }
        } catch (IOException e) {
            // no resolv.conf on the host: the container gets an empty one
        }
        return String.join("\n", out) + (out.isEmpty() ? "" : "\n");
    }
}
