package dev.purser.engine.bench;

import dev.purser.engine.Engine;
import dev.purser.engine.container.Container;
import dev.purser.engine.container.CreateRequest;
import dev.purser.engine.store.StateRoot;
import dev.purser.engine.testing.BusyboxImage;
import dev.purser.engine.testing.TestEngine;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 9's figure for per-container serialisation: N containers started at once take about as
 * long as the slowest start, not the sum of them. Prints, for N containers of {@code sleep}:
 * each start's time when started one after another (sum and slowest), and the wall time of N
 * starts at once. Not a test; run by hand as root with the engine's test classpath:
 * <pre>
 * java -cp ... dev.purser.engine.bench.ParallelStartBench [--containers N] [--root DIR]
 * </pre>
 */
public final class ParallelStartBench {
    private ParallelStartBench() {}

    public static void main(String[] args) throws Exception {
        int n = 50;
        Path root = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--containers" -> n = Integer.parseInt(args[++i]);
                case "--root" -> root = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (root == null) {
            root = Files.createTempDirectory("purser-bench-parallel");
        }
        try (Engine engine = Engine.open(new StateRoot(root), "purser-bench")) {
            engine.images().importRootfs(new ByteArrayInputStream(BusyboxImage.rootfsTar()), TestEngine.IMAGE, List.of(), "");
            // one start first, so class loading and the JIT do not count against the first round
            removeAll(engine, create(engine, 1));

            List<String> one = create(engine, n);
            long sum = 0;
            long slowest = 0;
            for (String id : one) {
                long t0 = System.nanoTime();
                engine.containers().start(id);
                long took = System.nanoTime() - t0;
                sum += took;
                slowest = Math.max(slowest, took);
            }
            removeAll(engine, one);

            List<String> all = create(engine, n);
            ExecutorService pool = Executors.newFixedThreadPool(n);
            long t0 = System.nanoTime();
            List<Future<?>> starts = new ArrayList<>();
            for (String id : all) {
                starts.add(pool.submit(() -> engine.containers().start(id)));
            }
            for (Future<?> f : starts) {
                f.get();
            }
            long wall = System.nanoTime() - t0;
            pool.shutdown();
            removeAll(engine, all);

            System.out.printf(Locale.ROOT, "%d starts one after another: sum %.0f ms, slowest %.0f ms%n", n, sum / 1e6,
                    slowest / 1e6);
            System.out.printf(Locale.ROOT, "%d starts at once: %.0f ms wall%n", n, wall / 1e6);
        }
    }

    private static List<String> create(Engine engine, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Container c = engine.containers().create(new CreateRequest(null, TestEngine.config("sleep", "1000"), null));
            ids.add(c.id());
        }
        return ids;
    }

    private static void removeAll(Engine engine, List<String> ids) {
        for (String id : ids) {
            engine.containers().remove(id, true);
        }
    }
}
