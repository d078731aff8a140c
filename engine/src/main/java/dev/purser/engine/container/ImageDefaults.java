package dev.purser.engine.container;

import dev.purser.engine.image.ImageConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Docker's merge of an image's defaults into a container's config: the container's own
 * settings win; Env merges by variable name; a container that sets its own Entrypoint does not
 * inherit the image's Cmd; the image's Volumes join the container's; the hostname defaults to the one given (Docker: the short id, or the host's name on its network).
 */
final class ImageDefaults {
    private ImageDefaults() {}

    static ContainerConfig merge(ContainerConfig c, ImageConfig image, String defaultHostname) {
        List<String> entrypoint = c.entrypoint() != null ? emptyToNull(c.entrypoint()) : image.entrypoint();
        List<String> cmd = c.cmd();
        if (cmd == null || cmd.isEmpty()) {
            cmd = c.entrypoint() != null ? null : image.cmd();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (image.labels() != null) {
            labels.putAll(image.labels());
        }
        labels.putAll(c.labels());
        // Docker's merge: the image's VOLUMEs join the container's own
        Map<String, Object> volumes = c.volumes() == null || c.volumes().isEmpty() ? null : new LinkedHashMap<>(c.volumes());
        if (image.volumes() != null && !image.volumes().isEmpty()) {
            volumes = volumes == null ? new LinkedHashMap<>() : volumes;
            volumes.putAll(image.volumes());
        }
        return new ContainerConfig(
                blank(c.hostname()) ? defaultHostname : c.hostname(),
                c.domainname() == null ? "" : c.domainname(),
                blank(c.user()) ? nullToEmpty(image.user()) : c.user(),
                c.attachStdin(), c.attachStdout(), c.attachStderr(), c.tty(), c.openStdin(), c.stdinOnce(),
                mergeEnv(image.env(), c.env()),
                cmd, c.image(), volumes,
                blank(c.workingDir()) ? nullToEmpty(image.workingDir()) : c.workingDir(),
                entrypoint, labels,
                blank(c.stopSignal()) ? image.stopSignal() : c.stopSignal(),
                c.stopTimeout(), exposedPorts(c.exposedPorts(), image.exposedPorts()));
    }

    /** The image's exposed ports and the container's, as Docker merges them at create. */
    private static Map<String, Object> exposedPorts(Map<String, Object> container, Map<String, Map<String, Object>> image) {
        Map<String, Object> out = new java.util.TreeMap<>();
        if (image != null) {
            image.keySet().forEach(k -> out.put(k, Map.of()));
        }
        container.keySet().forEach(k -> out.put(k, Map.of()));
        return out;
    }

    static List<String> mergeEnv(List<String> image, List<String> container) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (List<String> source : new List[] {image == null ? List.of() : image, container}) {
            for (String e : source) {
                int eq = e.indexOf('=');
                byName.put(eq < 0 ? e : e.substring(0, eq), e);
            }
        }
        return new ArrayList<>(byName.values());
    }

    private static List<String> emptyToNull(List<String> l) {
        return l.isEmpty() || (l.size() == 1 && l.get(0).isEmpty()) ? null : l;
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
