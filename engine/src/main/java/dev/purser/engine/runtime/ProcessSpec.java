package dev.purser.engine.runtime;

import dev.purser.pty.WindowSize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the native stage needs to turn itself into a container process: the command, its
 * environment and working directory, the user (already resolved to numbers), capabilities,
 * the terminal and its first size (null: the kernel's default), where to report, and the
 * compiled seccomp program the stage loads ({@link SeccompPrograms}; null: unconfined). Shared by a container's first process and by exec.
 */
public record ProcessSpec(
        List<String> argv,
        List<String> env,
        String cwd,
        int uid,
        int gid,
        List<Integer> groups,
        Set<String> capabilities,
        boolean noNewPrivileges,
        boolean tty,
        WindowSize terminalSize,
        List<Path> cgroupProcs,
        Path exitFile,
        Path seccompProgram) {

    public ProcessSpec {
        argv = List.copyOf(argv);
        env = List.copyOf(env);
        groups = List.copyOf(groups);
        capabilities = Set.copyOf(capabilities);
        cgroupProcs = List.copyOf(cgroupProcs);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("no command specified");
        }
    }

    /** The stage's options for this process; the command follows a {@code --}. */
    List<String> options() {
        List<String> out = new ArrayList<>();
        for (String e : env) {
            out.add("--env");
            out.add(e);
        }
        out.add("--cwd");
        out.add(cwd == null || cwd.isEmpty() ? "/" : cwd);
        out.add("--uid");
        out.add(Integer.toString(uid));
        out.add("--gid");
        out.add(Integer.toString(gid));
        if (!groups.isEmpty()) {
            out.add("--groups");
            out.add(groups.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        for (String cap : capabilities.stream().sorted().toList()) {
            out.add("--cap");
            out.add(cap);
        }
        if (noNewPrivileges) {
            out.add("--no-new-privileges");
        }
        if (tty) {
            out.add("--tty");
            if (terminalSize != null && terminalSize.rows() > 0 && terminalSize.cols() > 0) {
                out.add("--tty-size");
                out.add(terminalSize.rows() + "x" + terminalSize.cols());
            }
        }
        for (Path procs : cgroupProcs) {
            out.add("--cgroup-procs");
            out.add(procs.toString());
        }
        if (exitFile != null) {
            out.add("--exit-file");
            out.add(exitFile.toString());
        }
        if (seccompProgram != null) {
            out.add("--seccomp-bpf");
            out.add(seccompProgram.toString());
        }
        return out;
    }

    List<String> command() {
        List<String> out = new ArrayList<>();
        out.add("--");
        out.addAll(argv);
        return out;
    }
}
