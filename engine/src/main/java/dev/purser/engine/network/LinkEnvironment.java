package dev.purser.engine.network;

import dev.purser.engine.network.ports.ContainerPort;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The variables a {@code --link} puts into the linking container's environment, by Docker's
 * rules (moby's daemon/links): the alias upper-cased with {@code -} as {@code _}; the first
 * port as {@code ALIAS_PORT}; per exposed port {@code ALIAS_PORT_80_TCP} and its
 * {@code _ADDR}, {@code _PORT}, {@code _PROTO}; {@code _START}/{@code _END} for each run of
 * consecutive ports of one protocol; {@code ALIAS_NAME=/linker/alias}; and the target's own
 * environment as {@code ALIAS_ENV_*}, without HOME and PATH.
 */
public final class LinkEnvironment {
    private LinkEnvironment() {}

    /** Docker's order: TCP first, then by number within a protocol, other protocols by name. */
    private static final Comparator<ContainerPort> TCP_FIRST = (a, b) -> {
        if (a.protocol().equals(b.protocol())) {
            return Integer.compare(a.number(), b.number());
        }
        if (a.protocol().equals("tcp")) {
            return -1;
        }
        if (b.protocol().equals("tcp")) {
            return 1;
        }
        return a.protocol().compareTo(b.protocol());
    };

    /**
     * @param linkName   {@code /linker/alias}
     * @param targetIp   the target's address on the bridge
     * @param targetEnv  the target's {@code Config.Env}
     * @param exposed    the target's exposed ports ({@code 80/tcp})
     */
    public static List<String> of(String linkName, String targetIp, List<String> targetEnv, Collection<String> exposed) {
        String alias = linkName.substring(linkName.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT).replace('-', '_');
        List<ContainerPort> ports = new ArrayList<>(exposed.stream().map(ContainerPort::parse).toList());
        ports.sort(TCP_FIRST);
        List<String> env = new ArrayList<>();
        ContainerPort start = null;
        ContainerPort end = null;
        for (int i = 0; i < ports.size(); i++) {
            ContainerPort p = ports.get(i);
            if (i == 0) {
                start = p;
                end = p;
                env.add(alias + "_PORT=" + url(p, targetIp));
            }
            String prefix = prefix(alias, p);
            env.add(prefix + "=" + url(p, targetIp));
            env.add(prefix + "_ADDR=" + targetIp);
            env.add(prefix + "_PORT=" + p.number());
            env.add(prefix + "_PROTO=" + p.protocol());
            if (p.number() == end.number() + 1 && p.protocol().equals(end.protocol())) {
                end = p;
                if (i < ports.size() - 1) {
                    continue;
                }
            }
            if (!end.equals(start)) {
                String range = prefix(alias, start);
                env.add(range + "_START=" + url(start, targetIp));
                env.add(range + "_PORT_START=" + start.number());
                env.add(range + "_END=" + url(end, targetIp));
                env.add(range + "_PORT_END=" + end.number());
            }
            start = p;
            end = p;
        }
        env.add(alias + "_NAME=" + linkName);
        for (String v : targetEnv) {
            int eq = v.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = v.substring(0, eq);
            // set by image builds, not the target's to share
            if (name.equals("HOME") || name.equals("PATH")) {
                continue;
            }
            env.add(alias + "_ENV_" + name + "=" + v.substring(eq + 1));
        }
        return env;
    }

    private static String prefix(String alias, ContainerPort p) {
        return alias + "_PORT_" + p.number() + "_" + p.protocol().toUpperCase(Locale.ROOT);
    }

    private static String url(ContainerPort p, String ip) {
        return p.protocol() + "://" + ip + ":" + p.number();
    }
}
