package dev.purser.tui.cli;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code daemon}: runs the engine in this process. The engine's entry point is looked up by
 * name so the command line builds before the engine module provides
 * {@code dev.purser.engine.api.Daemon}; all arguments pass through to it.
 */
@Command(name = "daemon", description = "Run the purser engine (serves the Docker Engine API)")
final class DaemonCommand extends BaseCommand {
    static final String ENTRY_POINT = "dev.purser.engine.api.Daemon";

    @picocli.CommandLine.Option(names = {"--root", "--data-root"}) String root;
    @picocli.CommandLine.Option(names = {"-H", "--host"}) String host;
    @picocli.CommandLine.Option(names = "--cgroup-parent") String cgroupParent;
    @picocli.CommandLine.Option(names = "--host-gateway-ip") String hostGatewayIp;
    @picocli.CommandLine.Option(names = "--cgroup-version") String cgroupVersion;
    @picocli.CommandLine.Option(names = "--bip") String bip;
    @picocli.CommandLine.Option(names = "--fixed-cidr") String fixedCidr;
    @picocli.CommandLine.Option(names = "--mtu") String mtu;
    // Go's boolean flags: --iptables alone is true, --iptables=false turns it off
    @picocli.CommandLine.Option(names = "--ip-forward", arity = "0..1", fallbackValue = "true") String ipForward;
    @picocli.CommandLine.Option(names = "--iptables", arity = "0..1", fallbackValue = "true") String iptables;
    @picocli.CommandLine.Option(names = "--icc", arity = "0..1", fallbackValue = "true") String icc;
    @Parameters List<String> args = new ArrayList<>();

    String usage() { return "daemon [OPTIONS]"; }

    public Integer call() throws Exception {
        requireNone(args);
        // the global --root/-H (before "daemon") count as the daemon's own
        List<String> all = new ArrayList<>();
        String r = root != null ? root : session.rootFlag;
        String h = host != null ? host : session.hostFlag;
        if (r != null) { all.add("--root"); all.add(r); }
        if (h != null) { all.add("--host"); all.add(h.startsWith("/") ? "unix://" + h : h); }
        if (cgroupParent != null) { all.add("--cgroup-parent"); all.add(cgroupParent); }
        if (hostGatewayIp != null) { all.add("--host-gateway-ip"); all.add(hostGatewayIp); }
        if (cgroupVersion != null) { all.add("--cgroup-version"); all.add(cgroupVersion); }
        if (bip != null) { all.add("--bip"); all.add(bip); }
        if (fixedCidr != null) { all.add("--fixed-cidr"); all.add(fixedCidr); }
        if (mtu != null) { all.add("--mtu"); all.add(mtu); }
        if (ipForward != null) all.add("--ip-forward=" + ipForward);
        if (iptables != null) all.add("--iptables=" + iptables);
        if (icc != null) all.add("--icc=" + icc);
        Class<?> daemon;
        try {
            daemon = Class.forName(ENTRY_POINT);
        } catch (ClassNotFoundException e) {
            throw new CliError("purser: this build has no engine (" + ENTRY_POINT + " is missing)", 1);
        }
        try {
            daemon.getMethod("main", String[].class).invoke(null, (Object) all.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            // the engine's refusals (a bad -H, a root another daemon holds) are messages for the user
            if (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof IllegalStateException) {
                throw new CliError("purser: " + e.getCause().getMessage(), 1);
            }
            if (e.getCause() instanceof Exception ex) throw ex;
            throw e;
        }
        return 0;
    }
}
