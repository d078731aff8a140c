package dev.purser.engine.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * uid to user name from the host's /etc/passwd. Docker top runs the host's ps, so a container's
 * uid 33 shows as the host's name for 33, not the container's.
 */
final class HostUsers {
    /** procps' width for the -f UID column; longer names are cut to 7 characters and a '+'. */
    static final int WIDTH = 8;

    private final Map<Long, String> names = new HashMap<>();

    HostUsers(Path passwd) {
        try {
            for (String line : Files.readAllLines(passwd)) {
                String[] f = line.split(":");
                if (f.length > 2) {
                    names.putIfAbsent(Long.parseLong(f[2]), f[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no passwd: numeric uids, as ps prints for unknown users
        }
    }

    String display(long uid) {
        String name = names.get(uid);
        if (name == null) {
            return Long.toString(uid);
        }
        return name.length() > WIDTH ? name.substring(0, WIDTH - 1) + "+" : name;
    }
}
