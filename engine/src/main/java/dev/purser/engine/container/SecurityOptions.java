package dev.purser.engine.container;

import dev.purser.engine.seccomp.SeccompProfile;
import java.util.List;
import java.util.Optional;

/**
 * Docker's {@code HostConfig.SecurityOpt}, read as dockerd reads it: {@code no-new-privileges}
 * (bare, or {@code =BOOL}) and {@code seccomp=builtin|unconfined|PROFILE-JSON} (the docker CLI
 * reads {@code seccomp=FILE} itself and sends the file's JSON); {@code KEY:VALUE} is the old
 * spelling of {@code KEY=VALUE}. Docker's other options (label, apparmor, writable-cgroups,
 * disable) are refused, as purser applies none of them. The one place SecurityOpt is read.
 */
public record SecurityOptions(boolean noNewPrivileges, String seccomp) {
    /** Docker's name for its default profile (also what {@code /info} reports). */
    public static final String SECCOMP_DEFAULT = "builtin";
    public static final String SECCOMP_UNCONFINED = "unconfined";

    private static final List<String> NOT_APPLIED = List.of("label", "apparmor", "writable-cgroups", "disable");

    /** Reads the options; bad or unsupported ones are an IllegalArgumentException with Docker's message. */
    public static SecurityOptions parse(List<String> options) {
        boolean nnp = false;
        String seccomp = "";
        for (String opt : options) {
            if (opt.equals("no-new-privileges")) {
                nnp = true;
                continue;
            }
            if (opt.equals("disable") || opt.equals("writable-cgroups")) {
                throw notApplied(opt, opt);
            }
            int eq = opt.indexOf('=');
            int cut = eq >= 0 ? eq : opt.indexOf(':');
            if (cut < 0) {
                throw new IllegalArgumentException("invalid --security-opt 1: " + goQuote(opt));
            }
            String key = opt.substring(0, cut);
            String value = opt.substring(cut + 1);
            switch (key) {
                case "seccomp" -> seccomp = value;
                case "no-new-privileges" -> nnp = parseBool(value, opt);
                default -> {
                    if (NOT_APPLIED.contains(key)) {
                        throw notApplied(key, opt);
                    }
                    throw new IllegalArgumentException("invalid --security-opt 2: " + goQuote(opt));
                }
            }
        }
        return new SecurityOptions(nnp, seccomp);
    }

    /**
     * The profile a container's processes get, as dockerd decides: none with {@code unconfined};
     * a privileged container only a profile given explicitly; otherwise the given one or Docker's
     * default. A bad profile is an {@link dev.purser.engine.seccomp.InvalidProfileException}.
     */
    public Optional<SeccompProfile> seccompProfile(boolean privileged) {
        boolean builtin = seccomp.isEmpty() || seccomp.equals(SECCOMP_DEFAULT);
        if (seccomp.equals(SECCOMP_UNCONFINED) || (privileged && builtin)) {
            return Optional.empty();
        }
        return Optional.of(builtin ? SeccompProfile.dockerDefault() : SeccompProfile.parse(seccomp));
    }

    private static IllegalArgumentException notApplied(String key, String opt) {
        // the wording of every field purser refuses (api.BodyField.unsupported)
        return new IllegalArgumentException("purser does not support HostConfig.SecurityOpt " + key + " yet");
    }

    /** Go's strconv.ParseBool, which dockerd uses. */
    private static boolean parseBool(String value, String opt) {
        return switch (value) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new IllegalArgumentException("invalid --security-opt 2: " + goQuote(opt));
        };
    }

    /** Go's %q for the strings dockerd quotes in its messages. */
    static String goQuote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
