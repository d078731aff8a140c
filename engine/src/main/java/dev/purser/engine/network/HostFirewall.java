package dev.purser.engine.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The host's packet filter rules for one bridge, made with the host's {@code iptables} binary as
 * Docker does (docs/decisions/0028): outbound traffic from the subnet is masqueraded, and the
 * filter table's FORWARD chain accepts what the bridge sends and the replies it gets, ahead of
 * whatever policy the host has (dockerd sets DROP), except what goes to another bridge, which is
 * dropped (docs/decisions/0048). Each rule carries a comment naming the bridge, so rules for a
 * subnet the bridge no longer has are found and removed.
 */
final class HostFirewall {
    private final String iptables;

    HostFirewall(String iptables) {
        this.iptables = iptables;
    }

    /**
     * The chain every bridge's traffic to another bridge goes through: one DROP per bridge, for
     * what arrives from any other (Docker's DOCKER-ISOLATION-STAGE-2; the jump into it from
     * FORWARD, one per bridge, is stage 1).
     */
    static final String ISOLATION_CHAIN = "PURSER-ISOLATION";

    /**
     * The rules {@code bridge} with {@code subnet} needs, each added once; stale ones for the
     * bridge go (links' rules too: no container runs when this is called). What the bridge's
     * containers send to another bridge (the default one or a user-defined one, whenever it was
     * made) is dropped, and what another bridge's containers send to it; what its containers send
     * each other and to the outside is accepted.
     */
    void ensure(String bridge, Ipv4Cidr subnet, boolean icc) {
        List<List<String>> wanted = rules(bridge, subnet, icc);
        // last in the list: above the bridge's own ACCEPT of what it sends
        wanted.add(List.of("-t", "filter", "-A", "FORWARD", "-i", bridge, "!", "-o", bridge, "-m", "comment", "--comment",
                comment(bridge), "-j", ISOLATION_CHAIN));
        wanted.add(isolationEntry(bridge));
        apply(bridge, wanted);
    }

    /**
     * The rules of an internal network's bridge (Docker's {@code --internal}): nothing is
     * masqueraded, and nothing leaves the bridge or enters it from anywhere else.
     */
    void ensureInternal(String bridge) {
        String tag = comment(bridge);
        List<List<String>> wanted = new ArrayList<>(List.of(
                List.of("-t", "filter", "-A", "FORWARD", "-i", bridge, "!", "-o", bridge, "-m", "comment", "--comment", tag,
                        "-j", "DROP"),
                List.of("-t", "filter", "-A", "FORWARD", "!", "-i", bridge, "-o", bridge, "-m", "comment", "--comment", tag,
                        "-j", "DROP")));
        apply(bridge, wanted);
    }

    private static List<String> isolationEntry(String bridge) {
        return List.of("-t", "filter", "-A", ISOLATION_CHAIN, "-o", bridge, "-m", "comment", "--comment", comment(bridge), "-j", "DROP");
    }

    private void apply(String bridge, List<List<String>> wanted) {
        // made once and kept: other engines' bridges on the host may jump to it at any time
        run(List.of("-t", "filter", "-N", ISOLATION_CHAIN), false);
        removeStale(bridge, wanted);
        for (List<String> rule : wanted) {
            List<String> check = new ArrayList<>(rule);
            check.set(2, "-C");
            if (run(check, false) != 0) {
                List<String> add = new ArrayList<>(rule);
                if (add.get(3).equals("FORWARD")) {
                    add.set(2, "-I");
                    add.add(4, "1");
                }
                run(add, true);
            }
        }
    }

    /**
     * Opens a link's ports between the linker and its target (moby's link rules): the linker may
     * connect to each port, and the target's answers from it come back. Ahead of the drop that
     * {@code --icc=false} puts between the bridge's ports.
     */
    void openLink(String bridge, String linkerId, Ipv4Address linker, LinkedPorts link) {
        String tag = linkComment(bridge, linkerId);
        for (dev.purser.engine.network.ports.ContainerPort p : link.ports()) {
            String port = String.valueOf(p.number());
            run(List.of("-t", "filter", "-I", "FORWARD", "1", "-i", bridge, "-o", bridge, "-p", p.protocol(),
                    "-s", linker.toString(), "-d", link.target().toString(), "--dport", port,
                    "-m", "comment", "--comment", tag, "-j", "ACCEPT"), true);
            run(List.of("-t", "filter", "-I", "FORWARD", "1", "-i", bridge, "-o", bridge, "-p", p.protocol(),
                    "-s", link.target().toString(), "--sport", port, "-d", linker.toString(),
                    "-m", "comment", "--comment", tag, "-j", "ACCEPT"), true);
        }
    }

    /** Removes the rules the container's links opened. */
    void closeLinks(String bridge, String linkerId) {
        String tag = linkComment(bridge, linkerId);
        for (String line : list("filter", "FORWARD")) {
            if (line.contains("--comment " + tag) || line.contains("--comment \"" + tag + "\"")) {
                List<String> rule = new ArrayList<>(List.of("-t", "filter"));
                for (String word : line.split(" ")) {
                    rule.add(word.replace("\"", ""));
                }
                rule.set(2, "-D");
                run(rule, false);
            }
        }
    }

    private static String linkComment(String bridge, String linkerId) {
        return comment(bridge) + ":link:" + linkerId.substring(0, Math.min(12, linkerId.length()));
    }

    /** Removes every rule made for {@code bridge}. */
    void remove(String bridge) {
        removeStale(bridge, List.of());
    }

    /** FORWARD rules are inserted first one after the other, so a later one in this list ends up above. */
    private static List<List<String>> rules(String bridge, Ipv4Cidr subnet, boolean icc) {
        String tag = comment(bridge);
        List<List<String>> out = new ArrayList<>(List.of(
                List.of("-t", "nat", "-A", "POSTROUTING", "-s", subnet.subnet().toString(), "!", "-o", bridge,
                        "-m", "comment", "--comment", tag, "-j", "MASQUERADE"),
                List.of("-t", "filter", "-A", "FORWARD", "-i", bridge, "-m", "comment", "--comment", tag, "-j", "ACCEPT"),
                List.of("-t", "filter", "-A", "FORWARD", "-o", bridge, "-m", "conntrack", "--ctstate", "RELATED,ESTABLISHED",
                        "-m", "comment", "--comment", tag, "-j", "ACCEPT")));
        if (!icc) {
            // --icc=false: container to container on the bridge is dropped, above the ACCEPT of what the bridge sends
            out.add(List.of("-t", "filter", "-A", "FORWARD", "-i", bridge, "-o", bridge, "-m", "comment", "--comment", tag,
                    "-j", "DROP"));
        }
        return out;
    }

    private static String comment(String bridge) {
        return "purser:" + bridge;
    }

    private void removeStale(String bridge, List<List<String>> wanted) {
        for (String[] chain : new String[][] {{"nat", "POSTROUTING"}, {"filter", "FORWARD"}, {"filter", ISOLATION_CHAIN}}) {
            for (String line : list(chain[0], chain[1])) {
                if (!line.contains("--comment " + comment(bridge)) && !line.contains("--comment \"" + comment(bridge) + "\"")) {
                    continue;
                }
                List<String> rule = new ArrayList<>(List.of("-t", chain[0]));
                for (String word : line.split(" ")) {
                    rule.add(word.replace("\"", ""));
                }
                if (wanted.stream().anyMatch(w -> sameRule(w, rule))) {
                    continue;
                }
                rule.set(2, "-D");
                run(rule, false);
            }
        }
    }

    /** iptables -S prints options in its own order: compare as sets of words. */
    private static boolean sameRule(List<String> a, List<String> b) {
        return new java.util.HashSet<>(a.subList(2, a.size())).equals(new java.util.HashSet<>(b.subList(2, b.size())))
                && a.get(1).equals(b.get(1));
    }

    private List<String> list(String table, String chain) {
        List<String> argv = List.of(iptables, "-w", "-t", table, "-S", chain);
        Result r = exec(argv);
        if (r.status != 0 && chain.equals(ISOLATION_CHAIN)) {
            return List.of(); // not made yet on this host: nothing of the bridge's is in it
        }
        if (r.status != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed: " + r.output.strip());
        }
        return r.output.lines().filter(l -> l.startsWith("-A ")).toList();
    }

    private int run(List<String> rule, boolean mustSucceed) {
        List<String> argv = new ArrayList<>();
        argv.add(iptables);
        argv.add("-w");
        argv.addAll(rule);
        Result r = exec(argv);
        if (mustSucceed && r.status != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed: " + r.output.strip());
        }
        return r.status;
    }

    private record Result(int status, String output) {}

    private static Result exec(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", argv) + " did not finish");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + argv.get(0) + ": " + e.getMessage()
                    + " (the daemon's --iptables=false turns rule management off)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + argv.get(0), e);
        }
    }
}
