package dev.purser.tui.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code run}/{@code create} flags into the body of {@code POST /containers/create}, field
 * for field as the docker CLI sends it (its opts.go {@code parse}), so a daemon cannot tell
 * purser from docker. Errors carry docker's wording; the caller adds the exit code.
 */
final class CreateBody {
    /** Nodes without an ObjectMapper: making the first mapper costs a short command tens of ms (docs/decisions/0053). */
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CreateBody() {}

    static ObjectNode build(ContainerFlags f, String image, List<String> command, boolean detach, Map<String, String> env) {
        ObjectNode body = JSON.objectNode();
        boolean attach = !detach;
        body.put("Hostname", f.hostname);
        body.put("Domainname", f.domainname);
        body.put("User", f.user);
        body.put("AttachStdin", attach && f.interactive);
        body.put("AttachStdout", attach);
        body.put("AttachStderr", attach);
        body.put("Tty", f.tty);
        body.put("OpenStdin", f.interactive);
        body.put("StdinOnce", attach && f.interactive);
        body.set("Env", strings(environment(f, env)));
        if (command.isEmpty()) body.putNull("Cmd");
        else body.set("Cmd", strings(command));
        body.put("Image", image);
        PublishFlags.Ports ports = PublishFlags.parse(f.publish, f.expose);
        if (!ports.exposed().isEmpty()) body.set("ExposedPorts", ports.exposedPorts());
        ObjectNode volumes = body.putObject("Volumes");
        MountFlags.anonymous(f.volumes).forEach(v -> volumes.putObject(v));
        body.put("WorkingDir", f.workdir);
        if (f.entrypoint == null) body.putNull("Entrypoint");
        else body.set("Entrypoint", strings(List.of(f.entrypoint)));
        body.putNull("OnBuild");
        ObjectNode labels = body.putObject("Labels");
        for (String label : readKeyValueFiles(f.labelFiles, f.labels, "--label-file")) {
            int eq = label.indexOf('=');
            labels.put(eq < 0 ? label : label.substring(0, eq), eq < 0 ? "" : label.substring(eq + 1));
        }
        if (f.stopSignal != null && !f.stopSignal.isEmpty()) body.put("StopSignal", f.stopSignal);
        if (f.stopTimeout != null) body.put("StopTimeout", f.stopTimeout);
        body.set("HostConfig", hostConfig(f));
        ((ObjectNode) body.get("HostConfig")).set("PortBindings", ports.portBindings());
        body.putObject("NetworkingConfig").set("EndpointsConfig", NetworkFlags.endpoints(f.networks, f.networkAliases, f.ip));
        return body;
    }

    private static ObjectNode hostConfig(ContainerFlags f) {
        ObjectNode h = JSON.objectNode();
        List<String> binds = MountFlags.binds(f.volumes);
        h.set("Binds", binds.isEmpty() ? null : strings(binds));
        h.put("ContainerIDFile", "");
        ObjectNode log = h.putObject("LogConfig");
        log.put("Type", f.logDriver);
        ObjectNode logConfig = log.putObject("Config");
        if ("none".equals(f.logDriver) && !f.logOpts.isEmpty()) {
            throw new IllegalArgumentException("invalid logging opts for driver none");
        }
        for (String opt : f.logOpts) {
            int eq = opt.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("invalid key/value pair format in logging opts: " + opt);
            logConfig.put(opt.substring(0, eq), opt.substring(eq + 1));
        }
        h.put("NetworkMode", networkMode(f));
        h.putObject("PortBindings");
        h.set("RestartPolicy", restartPolicy(f.restart));
        h.put("AutoRemove", f.autoRemove);
        if (f.autoRemove && !f.restart.isEmpty() && !f.restart.equals("no")) {
            throw new IllegalArgumentException("conflicting options: cannot specify both --restart and --rm");
        }
        h.put("VolumeDriver", "");
        h.set("VolumesFrom", f.volumesFrom.isEmpty() ? null : strings(f.volumesFrom));
        h.set("CapAdd", f.capAdd.isEmpty() ? null : strings(f.capAdd));
        h.set("CapDrop", f.capDrop.isEmpty() ? null : strings(f.capDrop));
        h.put("CgroupnsMode", "");
        h.set("Dns", strings(NameFlags.dns(f.dns)));
        h.set("DnsOptions", strings(f.dnsOptions));
        h.set("DnsSearch", strings(NameFlags.dnsSearch(f.dnsSearch)));
        h.set("ExtraHosts", f.addHosts.isEmpty() ? null : strings(NameFlags.addHosts(f.addHosts)));
        h.putNull("GroupAdd");
        h.put("IpcMode", "");
        h.put("Cgroup", "");
        h.set("Links", f.links.isEmpty() ? null : strings(NameFlags.links(f.links)));
        h.put("OomScoreAdj", 0);
        h.put("PidMode", "");
        h.put("Privileged", f.privileged);
        h.put("PublishAllPorts", f.publishAll);
        h.put("ReadonlyRootfs", f.readOnly);
        if (!f.mounts.isEmpty()) {
            ArrayNode mounts = h.putArray("Mounts");
            for (String m : f.mounts) {
                try {
                    mounts.add(MountFlags.mount(m));
                } catch (FlagValueException e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    // a bad --mount is pflag's error, as docker's MountOpt.Set is
                    throw new FlagValueException("invalid argument \"" + m + "\" for \"--mount\" flag: " + e.getMessage());
                }
            }
        }
        Map<String, String> tmpfs = MountFlags.tmpfs(f.tmpfs);
        if (!tmpfs.isEmpty()) {
            ObjectNode t = h.putObject("Tmpfs");
            tmpfs.forEach(t::put);
        }
        h.set("SecurityOpt", f.securityOpt.isEmpty() ? null : strings(securityOpts(f.securityOpt)));
        h.put("UTSMode", "");
        h.put("UsernsMode", "");
        h.put("ShmSize", 0);
        h.put("Isolation", "");
        h.put("CpuShares", f.cpuShares);
        h.put("Memory", f.memory == null ? 0 : flagValue("-m, --memory", f.memory, ByteSize::parse));
        h.put("NanoCpus", f.cpus == null ? 0 : flagValue("--cpus", f.cpus, ByteSize::nanoCpus));
        h.put("CgroupParent", "");
        h.put("MemorySwap", f.memorySwap == null ? 0 : flagValue("--memory-swap", f.memorySwap, ByteSize::parseSwap));
        h.put("MemorySwappiness", -1);
        h.put("OomKillDisable", false);
        h.put("PidsLimit", f.pidsLimit);
        if (f.init != null) h.put("Init", f.init);
        return h;
    }

    /** go-units/pflag style: {@code invalid argument "5x" for "-m, --memory" flag: invalid suffix: 'x'}. */
    private static long flagValue(String flag, String value, java.util.function.ToLongFunction<String> parse) {
        try {
            return parse.applyAsLong(value);
        } catch (IllegalArgumentException e) {
            throw new FlagValueException("invalid argument \"" + value + "\" for \"" + flag + "\" flag: " + e.getMessage());
        }
    }

    /** A bad flag value: docker reports it as a usage error (exit 125), not a daemon error. */
    static final class FlagValueException extends IllegalArgumentException {
        FlagValueException(String message) {
            super(message);
        }
    }

    static String networkMode(ContainerFlags f) {
        return NetworkFlags.networkMode(f.networks);
    }

    static ObjectNode restartPolicy(String policy) {
        ObjectNode p = JSON.objectNode();
        if (policy.isEmpty()) {
            p.put("Name", "");
            p.put("MaximumRetryCount", 0);
            return p;
        }
        int colon = policy.indexOf(':');
        String name = colon < 0 ? policy : policy.substring(0, colon);
        if (colon >= 0 && name.isEmpty()) throw new IllegalArgumentException("invalid restart policy format: no policy provided before colon");
        int count = 0;
        if (colon >= 0 && colon + 1 < policy.length()) {
            try {
                count = Integer.parseInt(policy.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid restart policy format: maximum retry count must be an integer");
            }
        }
        p.put("Name", name);
        p.put("MaximumRetryCount", count);
        return p;
    }

    /** docker's {@code seccomp=<file>} sends the profile's contents; everything else passes through. */
    private static List<String> securityOpts(List<String> opts) {
        List<String> out = new ArrayList<>();
        for (String opt : opts) {
            String o = opt.contains("=") ? opt : opt.replaceFirst(":", "=");
            if (o.startsWith("seccomp=") && !o.equals("seccomp=unconfined") && !o.equals("seccomp=builtin")) {
                String file = o.substring("seccomp=".length());
                String profile;
                try {
                    profile = Files.readString(Path.of(file), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalArgumentException("opening seccomp profile (" + file + ") failed: " + e.getMessage());
                }
                try {
                    out.add("seccomp=" + SeccompJson.MAPPER.readTree(profile).toString());
                } catch (IOException e) {
                    throw new IllegalArgumentException("compacting json for seccomp profile (" + file + ") failed: "
                            + e.getMessage());
                }
            } else {
                out.add(o.equals("no-new-privileges=true") ? "no-new-privileges" : o);
            }
        }
        return out;
    }

    /** The mapper for the rare seccomp profile only, made when one is read. */
    private static final class SeccompJson {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** --env-file lines first, then -e; a bare name takes its value from our environment if set. */
    static List<String> environment(ContainerFlags f, Map<String, String> env) {
        List<String> out = new ArrayList<>();
        for (String line : readKeyValueFiles(f.envFiles, List.of(), "--env-file")) out.add(withEnvValue(line, env));
        for (String e : f.env) out.add(withEnvValue(e, env));
        return out;
    }

    private static String withEnvValue(String entry, Map<String, String> env) {
        if (entry.contains("=")) return entry;
        String value = env.get(entry);
        return value == null ? entry : entry + "=" + value;
    }

    /** docker's env/label file format: one KEY=value per line, '#' comments, blank lines skipped. */
    static List<String> readKeyValueFiles(List<String> files, List<String> extra, String flag) {
        List<String> out = new ArrayList<>();
        for (String file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException(flag + ": open " + file + ": no such file or directory");
            }
            for (String raw : lines) {
                String line = raw.replaceFirst("^\\s+", "");
                if (line.isEmpty() || line.startsWith("#")) continue;
                int eq = line.indexOf('=');
                String key = eq < 0 ? line : line.substring(0, eq);
                if (eq == 0) throw new IllegalArgumentException(flag + ": no variable name on line '" + line + "'");
                if (key.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException(flag + ": variable '" + key + "' contains whitespaces");
                }
                out.add(line);
            }
        }
        out.addAll(extra);
        return out;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = JSON.arrayNode();
        values.forEach(a::add);
        return a;
    }
}
