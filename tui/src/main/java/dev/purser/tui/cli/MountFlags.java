package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code -v}, {@code --mount} and {@code --tmpfs} read as the docker CLI reads them (its
 * volumespec parser, opts/mount.go, and opts.go {@code parse}), with its error messages: binds
 * go to {@code HostConfig.Binds}, a bare container path to {@code Config.Volumes},
 * {@code --mount} to {@code HostConfig.Mounts}, {@code --tmpfs} to {@code HostConfig.Tmpfs}.
 * The daemon then applies or refuses each.
 */
final class MountFlags {
    private MountFlags() {}

    /** {@code -v} specs with a source: the docker CLI makes a {@code ./} source absolute. */
    static List<String> binds(List<String> volumes) {
        List<String> out = new ArrayList<>();
        for (String spec : new LinkedHashSet<>(volumes)) {
            if (hasSource(spec)) {
                int colon = spec.indexOf(':');
                String hostPart = spec.substring(0, colon);
                if (!hostPart.startsWith("/") && hostPart.startsWith(".")) {
                    hostPart = Path.of(hostPart).toAbsolutePath().normalize().toString();
                }
                out.add(hostPart + spec.substring(colon));
            }
        }
        return out;
    }

    /** {@code -v} specs of a container path alone (anonymous volumes), for {@code Config.Volumes}. */
    static List<String> anonymous(List<String> volumes) {
        return new LinkedHashSet<>(volumes).stream().filter(v -> !hasSource(v)).toList();
    }

    /** The docker CLI's volumespec.Parse, as far as it decides: whether the spec has a source, or its error. */
    private static boolean hasSource(String spec) {
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("invalid empty volume spec");
        }
        if (spec.length() <= 2) {
            return false;
        }
        String[] parts = spec.split(":", -1);
        for (String p : parts) {
            if (p.isEmpty()) {
                throw new IllegalArgumentException("invalid spec: " + spec + ": empty section between colons");
            }
        }
        if (parts.length > 3) {
            throw new IllegalArgumentException("invalid spec: " + spec + ": too many colons");
        }
        return parts.length > 1;
    }

    /** {@code --tmpfs PATH[:OPTIONS]}. */
    static Map<String, String> tmpfs(List<String> specs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String t : specs) {
            int colon = t.indexOf(':');
            out.put(colon < 0 ? t : t.substring(0, colon), colon < 0 ? "" : t.substring(colon + 1));
        }
        return out;
    }

    /** One {@code --mount} value: CSV fields {@code key=value}, as docker's MountOpt.Set. */
    static ObjectNode mount(String value) {
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("value is empty");
        }
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        String type = "volume";
        ObjectNode bind = null;
        ObjectNode tmpfs = null;
        boolean volumeOptions = false;
        ObjectNode volume = JsonNodeFactory.instance.objectNode();
        boolean readOnly = false;
        for (String field : csv(trimmed)) {
            int eq = field.indexOf('=');
            boolean hasValue = eq >= 0;
            String key = hasValue ? field.substring(0, eq) : field;
            String val = hasValue ? field.substring(eq + 1) : "";
            if (!key.strip().equals(key)) {
                throw new IllegalArgumentException("invalid option '" + key.strip() + "' in '" + field + "': option should not have whitespace");
            }
            if (hasValue) {
                if (val.strip().isEmpty()) {
                    throw new IllegalArgumentException("invalid value for '" + key + "': value is empty");
                }
                if (!val.strip().equals(val)) {
                    throw new IllegalArgumentException("invalid value for '" + key + "' in '" + field + "': value should not have whitespace");
                }
            }
            key = key.toLowerCase(Locale.ROOT);
            if (!hasValue && !Set.of("readonly", "ro", "volume-nocopy", "bind-nonrecursive", "bind-create-src").contains(key)) {
                throw new IllegalArgumentException("invalid field '" + field + "' must be a key=value pair");
            }
            switch (key) {
                case "type" -> type = val.toLowerCase(Locale.ROOT);
                case "source", "src" -> m.put("Source", !val.startsWith("/") && val.startsWith(".")
                        ? Path.of(val).toAbsolutePath().normalize().toString() : val);
                case "target", "dst", "destination" -> m.put("Target", val);
                case "readonly", "ro" -> readOnly = bool(key, val, hasValue);
                case "consistency" -> m.put("Consistency", val.toLowerCase(Locale.ROOT));
                case "bind-propagation" -> {
                    bind = bind == null ? JsonNodeFactory.instance.objectNode() : bind;
                    bind.put("Propagation", val.toLowerCase(Locale.ROOT));
                }
                case "bind-nonrecursive" ->
                        throw new IllegalArgumentException("bind-nonrecursive is deprecated, use bind-recursive=disabled instead");
                case "bind-recursive" -> {
                    bind = bind == null ? JsonNodeFactory.instance.objectNode() : bind;
                    switch (val) {
                        case "enabled" -> { }
                        case "disabled" -> bind.put("NonRecursive", true);
                        case "writable" -> bind.put("ReadOnlyNonRecursive", true);
                        case "readonly" -> bind.put("ReadOnlyForceRecursive", true);
                        default -> throw new IllegalArgumentException("invalid value for " + key + ": " + val
                                + " (must be \"enabled\", \"disabled\", \"writable\", or \"readonly\")");
                    }
                }
                case "bind-create-src" -> {
                    bind = bind == null ? JsonNodeFactory.instance.objectNode() : bind;
                    bind.put("CreateMountpoint", bool(key, val, hasValue));
                }
                case "volume-subpath", "volume-nocopy", "volume-label", "volume-driver", "volume-opt" -> {
                    // as the docker CLI sends them; the daemon refuses what it does not apply
                    switch (key) {
                        case "volume-nocopy" -> volume.put("NoCopy", bool(key, val, hasValue));
                        case "volume-subpath" -> volume.put("Subpath", val);
                        case "volume-label" -> keyValue(volume.with("Labels"), val);
                        case "volume-driver" -> volume.with("DriverConfig").put("Name", val);
                        default -> keyValue(volume.with("DriverConfig").with("Options"), val);
                    }
                    volumeOptions = true;
                }
                case "image-subpath" -> throw new IllegalArgumentException("cannot mix 'image-*' options with mount type '" + type + "'");
                case "tmpfs-size" -> {
                    tmpfs = tmpfs == null ? JsonNodeFactory.instance.objectNode() : tmpfs;
                    try {
                        tmpfs.put("SizeBytes", ByteSize.parse(val));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("invalid value for " + key + ": " + val);
                    }
                }
                case "tmpfs-mode" -> {
                    tmpfs = tmpfs == null ? JsonNodeFactory.instance.objectNode() : tmpfs;
                    try {
                        long mode = Long.parseUnsignedLong(val, 8);
                        if (mode > 0xffffffffL) {
                            throw new NumberFormatException(val);
                        }
                        tmpfs.put("Mode", mode);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("invalid value for " + key + ": " + val);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + key + "' in '" + field + "'");
            }
        }
        if (type.isEmpty()) {
            throw new IllegalArgumentException("type is required");
        }
        if (!type.equals("bind") && bind != null) {
            throw new IllegalArgumentException("cannot mix 'bind-*' options with mount type '" + type + "'");
        }
        if (!type.equals("volume") && volumeOptions) {
            throw new IllegalArgumentException("cannot mix 'volume-*' options with mount type '" + type + "'");
        }
        if (!type.equals("tmpfs") && tmpfs != null) {
            throw new IllegalArgumentException("cannot mix 'tmpfs-*' options with mount type '" + type + "'");
        }
        if (bind != null && bind.path("ReadOnlyNonRecursive").asBoolean() && !readOnly) {
            throw new IllegalArgumentException("option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction");
        }
        if (bind != null && bind.path("ReadOnlyForceRecursive").asBoolean()) {
            if (!readOnly) {
                throw new IllegalArgumentException("option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction");
            }
            if (!bind.path("Propagation").asText().equals("rprivate")) {
                throw new IllegalArgumentException("option 'bind-recursive=readonly' requires 'bind-propagation=rprivate' to be specified in conjunction");
            }
        }
        if (volumeOptions) {
            m.set("VolumeOptions", volume);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("Type", type);
        out.setAll(m);
        if (readOnly) {
            out.put("ReadOnly", true);
        }
        if (bind != null) {
            out.set("BindOptions", bind);
        }
        if (tmpfs != null) {
            out.set("TmpfsOptions", tmpfs);
        }
        return out;
    }

    /** {@code k=v} (or {@code k}, with an empty value) into {@code target}. */
    private static void keyValue(ObjectNode target, String val) {
        int eq = val.indexOf('=');
        target.put(eq < 0 ? val : val.substring(0, eq), eq < 0 ? "" : val.substring(eq + 1));
    }

    private static boolean bool(String key, String val, boolean hasValue) {
        if (!hasValue) {
            return true;
        }
        return switch (val) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new IllegalArgumentException("invalid value for '" + key + "': invalid boolean value (\"" + val
                    + "\"): must be one of \"true\", \"1\", \"false\", or \"0\" (default \"true\")");
        };
    }

    /** One CSV record as Go's encoding/csv reads it: commas separate, double quotes quote. */
    private static List<String> csv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"' && f.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("parse error on line 1, column " + (line.length() + 1) + ": extraneous or missing \" in quoted-field");
        }
        fields.add(f.toString());
        return fields;
    }
}
