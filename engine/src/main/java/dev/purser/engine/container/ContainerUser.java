package dev.purser.engine.container;

import dev.purser.engine.runtime.ScopedPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The user a container process runs as, resolved like Docker from {@code -u}: {@code name},
 * {@code uid}, {@code name:group} or {@code uid:gid}, looked up in the container's own
 * /etc/passwd and /etc/group. Supplementary groups are those that list the user.
 */
public record ContainerUser(int uid, int gid, List<Integer> groups, String home) {

    public static ContainerUser resolve(String spec, Path rootfs) {
        String user = spec == null || spec.isEmpty() ? "0" : spec;
        String userPart = user;
        String groupPart = null;
        int colon = user.indexOf(':');
        if (colon >= 0) {
            userPart = user.substring(0, colon);
            groupPart = user.substring(colon + 1);
        }
        List<String[]> passwd = read(rootfs, "/etc/passwd");
        List<String[]> group = read(rootfs, "/etc/group");

        String[] entry = null;
        for (String[] p : passwd) {
            if (p.length >= 4 && (p[0].equals(userPart) || (isNumber(userPart) && p[2].equals(userPart)))) {
                entry = p;
                break;
            }
        }
        int uid;
        int gid;
        String home = "/";
        String userName = null;
        if (entry != null) {
            uid = Integer.parseInt(entry[2]);
            gid = Integer.parseInt(entry[3]);
            userName = entry[0];
            if (entry.length >= 6 && !entry[5].isEmpty()) {
                home = entry[5];
            }
        } else if (isNumber(userPart)) {
            uid = Integer.parseInt(userPart);
            gid = 0;
        } else {
            throw new IllegalArgumentException(
                    "unable to find user " + userPart + ": no matching entries in passwd file");
        }

        if (groupPart != null && !groupPart.isEmpty()) {
            gid = groupId(groupPart, group);
        }

        List<Integer> supplementary = new ArrayList<>();
        if (userName != null && groupPart == null) {
            for (String[] g : group) {
                if (g.length >= 4 && List.of(g[3].split(",")).contains(userName)) {
                    int id = Integer.parseInt(g[2]);
                    if (id != gid && !supplementary.contains(id)) {
                        supplementary.add(id);
                    }
                }
            }
        }
        return new ContainerUser(uid, gid, supplementary, home);
    }

    private static int groupId(String groupPart, List<String[]> group) {
        for (String[] g : group) {
            if (g.length >= 3 && (g[0].equals(groupPart) || (isNumber(groupPart) && g[2].equals(groupPart)))) {
                return Integer.parseInt(g[2]);
            }
        }
        if (isNumber(groupPart)) {
            return Integer.parseInt(groupPart);
        }
        throw new IllegalArgumentException(
                "unable to find group " + groupPart + ": no matching entries in group file");
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    private static List<String[]> read(Path rootfs, String file) {
        try {
            Path path = ScopedPath.resolve(rootfs, file);
            if (!Files.isRegularFile(path)) {
                return List.of();
            }
            List<String[]> out = new ArrayList<>();
            for (String line : Files.readAllLines(path)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split(":", -1));
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
