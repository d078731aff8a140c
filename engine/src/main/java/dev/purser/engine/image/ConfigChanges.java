package dev.purser.engine.image;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies {@code docker import --change} instructions (Dockerfile syntax, one instruction per
 * string) to an image config. Only instructions that change the config are allowed, as in Docker.
 */
final class ConfigChanges {
    private ConfigChanges() {}

    static ImageConfig apply(ImageConfig base, List<String> changes) {
        ImageConfig config = base;
        for (String change : changes == null ? List.<String>of() : changes) {
            String trimmed = change.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] split = trimmed.split("\\s+", 2);
            String instruction = split[0].toUpperCase(Locale.ROOT);
            String args = split.length > 1 ? split[1].strip() : "";
            config = switch (instruction) {
                case "CMD" -> config.withCmd(commandForm(args));
                case "ENTRYPOINT" -> config.withEntrypoint(commandForm(args));
                case "ENV" -> config.withEnv(env(config.env(), keyValues("ENV", args)));
                case "LABEL" -> config.withLabels(labels(config.labels(), keyValues("LABEL", args)));
                case "WORKDIR" -> config.withWorkingDir(required("WORKDIR", args));
                case "USER" -> config.withUser(required("USER", args));
                case "STOPSIGNAL" -> config.withStopSignal(required("STOPSIGNAL", args));
                case "EXPOSE" -> config.withExposedPorts(ports(config.exposedPorts(), args));
                case "VOLUME" -> config.withVolumes(volumes(config.volumes(), args));
                default -> throw new IllegalArgumentException(split[0] + " is not a valid change command");
            };
        }
        return config;
    }

    /** JSON array form as is; shell form wrapped in {@code /bin/sh -c}, like the Dockerfile builder. */
    private static List<String> commandForm(String args) {
        if (args.startsWith("[")) {
            try {
                return List.copyOf(ImageJson.MAPPER.readValue(args, new TypeReference<List<String>>() {}));
            } catch (IOException e) {
                // Docker falls back to the shell form when the JSON does not parse.
            }
        }
        return List.of("/bin/sh", "-c", args);
    }

    private static String required(String instruction, String args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(instruction + " requires exactly one argument");
        }
        return args;
    }

    /**
     * {@code KEY=VALUE ...} with Dockerfile quoting, or the legacy {@code KEY VALUE} form
     * (everything after the first space is the value).
     */
    static List<Map.Entry<String, String>> keyValues(String instruction, String args) {
        List<String> words = words(args);
        if (words.isEmpty()) {
            throw new IllegalArgumentException(instruction + " requires at least one argument");
        }
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (!words.get(0).contains("=")) {
            String[] legacy = args.split("\\s+", 2);
            if (legacy.length < 2) {
                throw new IllegalArgumentException(instruction + " must have two arguments");
            }
            out.add(Map.entry(legacy[0], legacy[1].strip()));
            return out;
        }
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Syntax error - can't find = in \"" + word + "\". Must be of the form: name=value");
            }
            out.add(Map.entry(word.substring(0, eq), word.substring(eq + 1)));
        }
        return out;
    }

    /** Splits on unquoted whitespace, removing quotes and backslash escapes the way Dockerfile words do. */
    private static List<String> words(String args) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < args.length()) {
                    word.append(args.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < args.length()) {
                word.append(args.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated quote in: " + args);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** A later ENV for the same name replaces the earlier value in place. */
    private static List<String> env(List<String> current, List<Map.Entry<String, String>> add) {
        List<String> env = new ArrayList<>(current == null ? List.of() : current);
        for (Map.Entry<String, String> kv : add) {
            String prefix = kv.getKey() + "=";
            String line = prefix + kv.getValue();
            int at = -1;
            for (int i = 0; i < env.size(); i++) {
                if (env.get(i).startsWith(prefix)) {
                    at = i;
                }
            }
            if (at >= 0) {
                env.set(at, line);
            } else {
                env.add(line);
            }
        }
        return List.copyOf(env);
    }

    private static Map<String, String> labels(Map<String, String> current, List<Map.Entry<String, String>> add) {
        Map<String, String> labels = new LinkedHashMap<>(current == null ? Map.of() : current);
        add.forEach(kv -> labels.put(kv.getKey(), kv.getValue()));
        return labels;
    }

    /** {@code 80}, {@code 80/tcp}, {@code 53/udp}, {@code 8000-8002}: keys like {@code 80/tcp}. */
    private static Map<String, Map<String, Object>> ports(Map<String, Map<String, Object>> current, String args) {
        Map<String, Map<String, Object>> ports = new LinkedHashMap<>(current == null ? Map.of() : current);
        List<String> specs = words(args);
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("EXPOSE requires at least one argument");
        }
        for (String spec : specs) {
            String[] portProto = spec.split("/", 2);
            String proto = portProto.length > 1 ? portProto[1].toLowerCase(Locale.ROOT) : "tcp";
            if (!proto.matches("tcp|udp|sctp")) {
                throw new IllegalArgumentException("invalid proto: " + proto);
            }
            String[] range = portProto[0].split("-", 2);
            int from = port(range[0], spec);
            int to = range.length > 1 ? port(range[1], spec) : from;
            if (to < from) {
                throw new IllegalArgumentException("invalid range specified for port: " + spec);
            }
            for (int p = from; p <= to; p++) {
                ports.put(p + "/" + proto, Map.of());
            }
        }
        return ports;
    }

    private static int port(String text, String spec) {
        try {
            int p = Integer.parseInt(text);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid containerPort: " + spec);
        }
    }

    private static Map<String, Map<String, Object>> volumes(Map<String, Map<String, Object>> current, String args) {
        Map<String, Map<String, Object>> volumes = new LinkedHashMap<>(current == null ? Map.of() : current);
        List<String> paths = args.startsWith("[") ? commandFormOrEmpty(args) : words(args);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("VOLUME requires at least one argument");
        }
        paths.forEach(p -> volumes.put(p, Map.of()));
        return volumes;
    }

    private static List<String> commandFormOrEmpty(String args) {
        List<String> parsed = commandForm(args);
        return parsed.size() == 3 && parsed.get(0).equals("/bin/sh") ? words(args) : parsed;
    }
}
