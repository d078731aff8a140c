package dev.purser.engine.cgroup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A cgroup filesystem mount from /proc/self/mountinfo: where it is, {@code cgroup} or
 * {@code cgroup2}, and its super options (for v1, the controllers it carries, e.g. {@code cpu}).
 */
public record CgroupMount(Path mountPoint, String fsType, Set<String> superOptions) {
    public boolean isV2() {
        return fsType.equals("cgroup2");
    }

    /**
     * The cgroup mounts in mountinfo text. Each line is
     * {@code id parent maj:min root mountpoint options [optional fields...] - fstype source superoptions}.
     */
    public static List<CgroupMount> parse(String mountinfo) {
        List<CgroupMount> out = new ArrayList<>();
        for (String line : mountinfo.split("\n")) {
            String[] f = line.trim().split(" ");
            int dash = Arrays.asList(f).indexOf("-");
            if (dash < 5 || f.length < dash + 4) {
                continue;
            }
            String type = f[dash + 1];
            if (!type.equals("cgroup") && !type.equals("cgroup2")) {
                continue;
            }
            out.add(new CgroupMount(Path.of(unescape(f[4])), type, Set.of(f[dash + 3].split(","))));
        }
        return out;
    }

    /** mountinfo escapes space, tab, newline and backslash as three octal digits. */
    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\' && i + 3 < s.length()) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }
}
