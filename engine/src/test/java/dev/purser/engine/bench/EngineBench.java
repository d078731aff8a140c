package dev.purser.engine.bench;

import dev.purser.engine.Engine;
import dev.purser.engine.container.Container;
import dev.purser.engine.container.CreateRequest;
import dev.purser.engine.container.HostConfig;
import dev.purser.engine.store.StateRoot;
import dev.purser.engine.testing.BusyboxImage;
import dev.purser.engine.testing.TestEngine;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Engine-level benchmark: the time from {@code create} to the container's recorded exit for
 * {@code true} (create + start + wait), in-process, with no API or CLI in the way. Optionally the
 * same number of {@code runc run} of an OCI bundle, timed by the same harness, for a ratio.
 *
 * <p>Not a test (the name does not end in Test or IT): run it through {@code bin/bench engine},
 * or by hand as root with the engine's test classpath:
 * <pre>
 * java -cp ... dev.purser.engine.bench.EngineBench [--iterations N] [--warmup W] [--root DIR]
 *     [--cgroup-parent NAME]
 *     [--runc-bundle DIR --runc-root DIR]
 *     [--seccomp-pairs | --network-pairs]
 * </pre>
 * With {@code --seccomp-pairs}, each iteration also runs the same container with {@code
 * --security-opt seccomp=unconfined} (in alternating order), and the paired differences say
 * what Docker's default seccomp filter adds to a start. With {@code --network-pairs}, the other
 * half of each pair runs with {@code --network none}, and the differences say what the default
 * bridge (veth, address, route, lease) adds. With {@code --volume-pairs}, each
 * iteration also runs {@code run --rm} of {@code true} with ten anonymous volumes ({@code -v
 * /v0 ... -v /v9}, created, mounted and removed with the container) and the same without any,
 * in alternating order: the paired differences say what ten volumes add.
 */
public final class EngineBench {
    private EngineBench() {}

    public static void main(String[] args) throws Exception {
        int iterations = 50;
        int warmup = 10;
        Path root = null;
        Path runcBundle = null;
        Path runcRoot = null;
        String runc = "runc";
        String cgroupParent = "purser-bench";
        boolean seccompPairs = false;
        boolean volumePairs = false;
        boolean networkPairs = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--root" -> root = Path.of(args[++i]);
                case "--runc-bundle" -> runcBundle = Path.of(args[++i]);
                case "--runc-root" -> runcRoot = Path.of(args[++i]);
                case "--runc" -> runc = args[++i];
                case "--cgroup-parent" -> cgroupParent = args[++i];
                case "--seccomp-pairs" -> seccompPairs = true;
                case "--volume-pairs" -> volumePairs = true;
                case "--network-pairs" -> {
                    seccompPairs = true;
                    networkPairs = true;
                }
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (root == null) {
            root = Files.createTempDirectory("purser-bench-engine");
        }

        Samples create = new Samples("  create");
        Samples start = new Samples("  start (until pid)");
        Samples exit = new Samples("  wait (pid to recorded exit)");
        Samples total = new Samples("create+start+wait");
        Samples remove = new Samples("remove (not in total)");
        Samples noVolumes = new Samples("run --rm, no volumes");
        Samples tenVolumes = new Samples("run --rm, 10 volumes");
        Samples volumesAdd = new Samples("10 volumes minus none");
        Samples unconfined = new Samples(networkPairs ? "create+start+wait, --network none" : "create+start+wait, unconfined");
        Samples added = new Samples(networkPairs ? "bridge minus none" : "default minus unconfined");
        HostConfig pairHost = networkPairs
                ? new HostConfig(null, null, null, false, false, null, 0, 0, 0, 0, null, "none", false, null, null)
                : new HostConfig(null, null, List.of("seccomp=unconfined"), false, false, null, 0, 0, 0, 0, null, null, false, null, null);

        Engine engine = Engine.open(new StateRoot(root), cgroupParent);
        try {
            engine.images().importRootfs(new ByteArrayInputStream(BusyboxImage.rootfsTar()), TestEngine.IMAGE,
                    List.of(), "");
            for (int i = 0; i < warmup + iterations; i++) {
                boolean measured = i >= warmup;
                long pairedBefore = seccompPairs && i % 2 == 1 ? runPaired(engine, pairHost) : 0;
                long t0 = System.nanoTime();
                Container c = engine.containers().create(new CreateRequest(null, TestEngine.config("true"), null));
                long t1 = System.nanoTime();
                engine.containers().start(c.id());
                long t2 = System.nanoTime();
                int code = engine.containers().waitNotRunning(c.id()).get(60, TimeUnit.SECONDS);
                long t3 = System.nanoTime();
                if (code != 0) {
                    throw new IllegalStateException("true exited with " + code);
                }
                engine.containers().remove(c.id(), true);
                long t4 = System.nanoTime();
                // the pair's other half after this one on even iterations, before it on odd ones
                long pairedUnconfined = seccompPairs && i % 2 == 0 ? runPaired(engine, pairHost) : pairedBefore;
                if (volumePairs) {
                    long none;
                    long ten;
                    if (i % 2 == 0) {
                        none = runRemoved(engine, 0);
                        ten = runRemoved(engine, 10);
                    } else {
                        ten = runRemoved(engine, 10);
                        none = runRemoved(engine, 0);
                    }
                    if (measured) {
                        noVolumes.add(none);
                        tenVolumes.add(ten);
                        volumesAdd.add(ten - none);
                    }
                }
                if (measured) {
                    if (seccompPairs) {
                        unconfined.add(pairedUnconfined);
                        added.add(t3 - t0 - pairedUnconfined);
                    }
                    create.add(t1 - t0);
                    start.add(t2 - t1);
                    exit.add(t3 - t2);
                    total.add(t3 - t0);
                    remove.add(t4 - t3);
                }
            }
        } finally {
            engine.close();
            for (Container c : engine.containers().list()) {
                try {
                    engine.containers().remove(c.id(), true);
                } catch (RuntimeException e) {
                    System.err.println("cleanup: " + e.getMessage());
                }
            }
        }

        System.out.printf(Locale.ROOT, "purser engine, %d iterations after %d warm-up (ms)%n", iterations, warmup);
        System.out.println(Samples.header());
        for (Samples s : List.of(total, create, start, exit, remove)) {
            System.out.println(s.row());
        }
        if (seccompPairs) {
            System.out.println(unconfined.row());
            System.out.println(added.row());
        }
        if (volumePairs) {
            System.out.println(noVolumes.row());
            System.out.println(tenVolumes.row());
            System.out.println(volumesAdd.row());
        }

        if (runcBundle != null) {
            Samples runcRun = new Samples("runc run");
            for (int i = 0; i < warmup + iterations; i++) {
                List<String> cmd = new ArrayList<>(List.of(runc));
                if (runcRoot != null) {
                    cmd.addAll(List.of("--root", runcRoot.toString()));
                }
                cmd.addAll(List.of("run", "--bundle", runcBundle.toString(), "purser-bench-" + ProcessHandle.current().pid() + "-" + i));
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(cmd)
                        .redirectInput(new File("/dev/null"))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                int code = p.waitFor();
                long t1 = System.nanoTime();
                if (code != 0) {
                    throw new IllegalStateException(String.join(" ", cmd) + " exited with " + code);
                }
                if (i >= warmup) {
                    runcRun.add(t1 - t0);
                }
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "runc, %d iterations after %d warm-up (ms)%n", iterations, warmup);
            System.out.println(Samples.header());
            System.out.println(runcRun.row());
            System.out.println();
            System.out.printf(Locale.ROOT, "ratio purser/runc: mean %.2f, median %.2f%n",
                    total.mean() / runcRun.mean(), total.median() / runcRun.median());
        }
    }

    /**
     * {@code run --rm busybox true} with {@code volumes} anonymous volumes: create (the volumes
     * made and seeded), start, wait, and the removal that takes them with it, in nanoseconds.
     */
    private static long runRemoved(Engine engine, int volumes) throws Exception {
        java.util.Map<String, Object> vs = new java.util.LinkedHashMap<>();
        for (int v = 0; v < volumes; v++) {
            vs.put("/v" + v, java.util.Map.of());
        }
        var base = TestEngine.config("true");
        var config = new dev.purser.engine.container.ContainerConfig(base.hostname(), base.domainname(), base.user(),
                base.attachStdin(), base.attachStdout(), base.attachStderr(), base.tty(), base.openStdin(), base.stdinOnce(),
                base.env(), base.cmd(), base.image(), vs.isEmpty() ? null : vs, base.workingDir(), base.entrypoint(),
                base.labels(), base.stopSignal(), base.stopTimeout());
        long t0 = System.nanoTime();
        Container c = engine.containers().create(new CreateRequest(null, config, null));
        engine.containers().start(c.id());
        int code = engine.containers().waitNotRunning(c.id()).get(60, TimeUnit.SECONDS);
        engine.containers().remove(c.id(), true, true);
        long t1 = System.nanoTime();
        if (code != 0) {
            throw new IllegalStateException("true exited with " + code);
        }
        return t1 - t0;
    }

    /** One {@code true} without a seccomp filter, create to recorded exit, in nanoseconds. */
    /** One create+start+wait of {@code true} with {@code host} (the pair's other half); removed after. */
    private static long runPaired(Engine engine, HostConfig host) throws Exception {
        long t0 = System.nanoTime();
        Container c = engine.containers().create(new CreateRequest(null, TestEngine.config("true"), host));
        engine.containers().start(c.id());
        int code = engine.containers().waitNotRunning(c.id()).get(60, TimeUnit.SECONDS);
        long t1 = System.nanoTime();
        if (code != 0) {
            throw new IllegalStateException("true exited with " + code);
        }
        engine.containers().remove(c.id(), true);
        return t1 - t0;
    }

    /** Durations in nanoseconds, reported in milliseconds. */
    static final class Samples {
        private final String name;
        private final List<Long> nanos = new ArrayList<>();

        Samples(String name) {
            this.name = name;
        }

        void add(long n) {
            nanos.add(n);
        }

        private double[] sorted() {
            double[] ms = nanos.stream().mapToDouble(n -> n / 1e6).toArray();
            Arrays.sort(ms);
            return ms;
        }

        double mean() {
            return Arrays.stream(sorted()).average().orElse(Double.NaN);
        }

        double median() {
            double[] s = sorted();
            if (s.length == 0) {
                return Double.NaN;
            }
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }

        double percentile(double p) {
            double[] s = sorted();
            if (s.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * s.length);
            return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
        }

        static String header() {
            return String.format(Locale.ROOT, "%-30s %9s %9s %9s %9s %9s", "", "mean", "median", "p90", "min", "max");
        }

        String row() {
            double[] s = sorted();
            return String.format(Locale.ROOT, "%-30s %9.2f %9.2f %9.2f %9.2f %9.2f", name, mean(), median(),
                    percentile(90), s[0], s[s.length - 1]);
        }
    }
}
