package dev.purser.engine.container;

import dev.purser.engine.cgroup.Cgroup;
import dev.purser.engine.cgroup.DevicePolicy;
import dev.purser.engine.cgroup.Resources;
import dev.purser.engine.runtime.Capabilities;
import dev.purser.engine.runtime.ContainerLaunch;
import dev.purser.engine.mount.MountPoint;
import dev.purser.engine.network.EtcFiles;
import dev.purser.engine.network.ExtraHost;
import dev.purser.engine.network.IpLiteral;
import dev.purser.engine.runtime.ContainerLaunch.BindMount;
import dev.purser.engine.runtime.ContainerLaunch.StageMount;
import dev.purser.engine.runtime.ContainerLaunch.TmpfsMount;
import dev.purser.engine.runtime.ProcessSpec;
import dev.purser.engine.runtime.SeccompPrograms;
import dev.purser.engine.seccomp.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the native stage is asked to run, worked out from a container's records: the command,
 * Docker's additions to the environment, the user from the image's own passwd, capabilities,
 * the files bound over /etc and what they say, Docker's masked and read-only paths, the seccomp filter, and the cgroup limits.
 */
final class ProcessPlans {
    private static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private ProcessPlans() {}

    /** A container's first process, in its mounted root filesystem {@code rootfs}. */
    static ContainerLaunch containerLaunch(Container c, Path rootfs, Cgroup cgroup, Path exitFile,
                                           SeccompPrograms programs, Integer joinNetworkOfPid, List<String> linkEnv) {
        List<Path> cgroupProcs = cgroup.procsFiles();
        ContainerUser user = ContainerUser.resolve(c.config().user(), rootfs);
        List<String> argv = new ArrayList<>();
        argv.add(c.path());
        argv.addAll(c.args());
        ProcessSpec process = new ProcessSpec(argv, env(withLinks(linkEnv, c.config().env()), c.config().hostname(), user,
                c.config().tty()),
                c.config().workingDir(), user.uid(), user.gid(), user.groups(),
                Capabilities.resolve(c.hostConfig().capAdd(), c.hostConfig().capDrop(), c.hostConfig().privileged()),
                c.hostConfig().noNewPrivileges(), c.config().tty(), c.hostConfig().terminalSize(), cgroupProcs, exitFile,
                seccompProgram(c, programs));
        boolean privileged = c.hostConfig().privileged();
        return new ContainerLaunch(rootfs, c.config().hostname(), c.config().domainname(), mounts(c),
                privileged ? List.of() : ContainerLaunch.DOCKER_MASKED_PATHS,
                privileged ? List.of() : ContainerLaunch.DOCKER_READONLY_PATHS,
                c.hostConfig().readonlyRootfs(), c.hostConfig().hostNetwork(), joinNetworkOfPid, cgroup.containerView(), process);
    }

    /** What the container's hostname, hosts and resolv.conf say, with its own {@code addresses}. */
    static EtcFiles.Identity etcIdentity(Container c, List<IpLiteral> addresses) {
        return etcIdentity(c, addresses, List.of());
    }

    static EtcFiles.Identity etcIdentity(Container c, List<IpLiteral> addresses, List<ExtraHost> linkHosts) {
        HostConfig h = c.hostConfig();
        return new EtcFiles.Identity(h.hostNetwork(), c.config().hostname(), c.config().domainname(), h.dns(),
                h.dnsSearch(), h.dnsOptions(), h.extraHosts(), addresses, linkHosts);
    }

    /** The links' variables come before the container's own, which win over them, as Docker merges them. */
    static List<String> withLinks(List<String> linkEnv, List<String> env) {
        if (linkEnv.isEmpty()) {
            return env;
        }
        java.util.Set<String> own = new java.util.HashSet<>();
        for (String e : env) {
            int eq = e.indexOf('=');
            own.add(eq < 0 ? e : e.substring(0, eq));
        }
        List<String> out = new ArrayList<>();
        for (String e : linkEnv) {
            if (!own.contains(e.substring(0, e.indexOf('=')))) {
                out.add(e);
            }
        }
        out.addAll(env);
        return out;
    }

    /**
     * The container's own mounts and the files Docker binds over /etc, shallower first (a bind
     * of /etc comes before /etc/hosts), as Docker sorts them; a file of Docker's the user
     * mounts something over is left out, as Docker does.
     */
    static List<StageMount> mounts(Container c) {
        List<MountPoint> own = c.ownMounts();
        List<StageMount> out = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        for (MountPoint m : own) {
            out.add(switch (m.type()) {
                case "bind" -> new BindMount(Path.of(m.source()), m.destination(), !m.rw(), m.propagation());
                // a volume is its directory bound in, private as Docker's are
                case "volume" -> new BindMount(Path.of(m.source()), m.destination(), !m.rw(), "rprivate");
                default -> new TmpfsMount(m.destination(), m.tmpfsOptions());
            });
            depths.add(m.depth());
        }
        Map<String, String> etc = new LinkedHashMap<>();
        etc.put("/etc/resolv.conf", c.resolvConfPath());
        etc.put("/etc/hostname", c.hostnamePath());
        etc.put("/etc/hosts", c.hostsPath());
        for (Map.Entry<String, String> e : etc.entrySet()) {
            if (own.stream().noneMatch(m -> m.destination().equals(e.getKey()))) {
                int at = 0;
                while (at < depths.size() && depths.get(at) <= 2) {
                    at++;
                }
                out.add(at, new BindMount(Path.of(e.getValue()), e.getKey(), false));
                depths.add(at, 2);
            }
        }
        return out;
    }

    /** An exec: the container's settings, with the request's user, directory and environment on top. */
    static ProcessSpec exec(Container c, ExecRequest request, Path rootfs, List<Path> cgroupProcs, SeccompPrograms programs,
                            List<String> linkEnv) {
        String userSpec = request.user() == null || request.user().isEmpty() ? c.config().user() : request.user();
        ContainerUser user = ContainerUser.resolve(userSpec, rootfs);
        List<String> env = new ArrayList<>(withLinks(linkEnv, c.config().env()));
        env.addAll(request.env());
        String cwd = request.workingDir() == null || request.workingDir().isEmpty()
                ? c.config().workingDir() : request.workingDir();
        return new ProcessSpec(request.cmd(), env(env, c.config().hostname(), user, request.tty()),
                cwd, user.uid(), user.gid(), user.groups(),
                Capabilities.resolve(c.hostConfig().capAdd(), c.hostConfig().capDrop(),
                        c.hostConfig().privileged() || request.privileged()),
                c.hostConfig().noNewPrivileges(), request.tty(), request.consoleSize(), cgroupProcs, null,
                seccompProgram(c, programs));
    }

    /**
     * The container's seccomp filter as the stage's compiled program, or null when it runs
     * unconfined. An exec gets the container's filter, resolved for the container's
     * capabilities even with {@code exec --privileged}, as in Docker.
     */
    static Path seccompProgram(Container c, SeccompPrograms programs) {
        HostConfig h = c.hostConfig();
        return h.securityOptions().seccompProfile(h.privileged())
                .flatMap(p -> p.resolve(Capabilities.resolve(h.capAdd(), h.capDrop(), h.privileged()), Platform.host()))
                .map(filter -> programs.compiled(filter.text()))
                .orElse(null);
    }

    /** Docker's default device cgroup, or every device for {@code --privileged}. */
    static DevicePolicy devicePolicy(HostConfig h) {
        return h.privileged() ? DevicePolicy.privileged() : DevicePolicy.dockerDefault();
    }

    /** Docker's limits as the cgroup takes them; a pids limit of 0 or less means none. */
    static Resources resources(HostConfig h) {
        return new Resources(h.memory(), h.memorySwap(), h.cpuShares(), h.nanoCpus(),
                h.pidsLimit() == null || h.pidsLimit() <= 0 ? -1 : h.pidsLimit());
    }

    /** The environment a process sees: Docker adds PATH, HOSTNAME, HOME and (for a TTY) TERM when missing. */
    static List<String> env(List<String> env, String hostname, ContainerUser user, boolean tty) {
        List<String> out = new ArrayList<>();
        if (env.stream().noneMatch(e -> e.startsWith("PATH="))) {
            out.add(DEFAULT_PATH);
        }
        out.add("HOSTNAME=" + hostname);
        out.addAll(env);
        if (tty && env.stream().noneMatch(e -> e.startsWith("TERM="))) {
            out.add("TERM=xterm");
        }
        if (env.stream().noneMatch(e -> e.startsWith("HOME="))) {
            out.add("HOME=" + user.home());
        }
        return out;
    }
}
