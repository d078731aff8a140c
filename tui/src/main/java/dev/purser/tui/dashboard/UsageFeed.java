package dev.purser.tui.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.tui.client.DaemonError;
import dev.purser.tui.client.PurserClient;
import dev.purser.tui.dashboard.containers.ContainerEntry;
import dev.purser.tui.dashboard.stats.StatsSample;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The containers list's CPU, memory, PIDs and uptime (docs/decisions/0037): rounds of one-shot
 * stats requests ({@code stream=false&one-shot=true}), one request at a time on one thread, a
 * round every {@link #PERIOD_MILLIS} or, for a long round, {@link #MILLIS_PER_REQUEST} per request, for the rows on screen only, or for every running
 * container while the list is sorted by one of those columns. CPU % needs two readings: it is
 * computed, by the same {@link StatsSample} arithmetic as {@code purser stats}, from this
 * reading's {@code cpu_stats} and the previous round's. A container's start time is inspected
 * once, when it is not known yet.
 */
final class UsageFeed {
    static final long PERIOD_MILLIS = 5_000;
    /** A round of n requests is followed by at least n times this: at most 20 requests a second, however many containers. */
    static final long MILLIS_PER_REQUEST = 50;
    /** Readings reach the list in batches of this many, so a long round still shows progress. */
    private static final int BATCH = 25;

    /** One container to read: whether its start time is still to be read too. */
    private record Want(String id, boolean needsStart) {}

    /** What a round reads, decided on the UI thread: the containers, and every id known (for forgetting the rest). */
    private record Round(List<Want> wants, Set<String> known) {}

    private final PurserClient client;
    private final UiLoop loop;
    private final DashboardState state;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "purser-dashboard-usage");
        t.setDaemon(true);
        return t;
    });
    /** The previous reading's cpu_stats by container: touched only on {@link #thread}. */
    private final Map<String, JsonNode> previousCpu = new HashMap<>();
    /** Which run of rounds is current: a stopped run ends at its next check, even mid-round. */
    private final java.util.concurrent.atomic.AtomicInteger generation = new java.util.concurrent.atomic.AtomicInteger();
    private java.util.concurrent.Future<?> rounds;

    UsageFeed(PurserClient client, UiLoop loop, DashboardState state) {
        this.client = client;
        this.loop = loop;
        this.state = state;
    }

    /** Starts the rounds (on the UI thread); a second call while they run does nothing. */
    void start() {
        if (rounds != null) return;
        int run = generation.incrementAndGet();
        rounds = thread.submit(() -> rounds(run));
    }

    void stop() {
        generation.incrementAndGet();
        if (rounds != null) rounds.cancel(true);
        rounds = null;
    }

    private void rounds(int run) {
        while (generation.get() == run) {
            int requests = round(run);
            try {
                Thread.sleep(Math.max(PERIOD_MILLIS, requests * MILLIS_PER_REQUEST));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void shutdown() {
        stop();
        thread.shutdownNow();
    }

    /** On the UI thread: the rows worth reading now. */
    private Round wanted() {
        Set<String> known = new java.util.HashSet<>();
        for (ContainerEntry e : state.containers.all()) known.add(e.id());
        if (state.view != View.CONTAINERS) return new Round(List.of(), known);
        List<ContainerEntry> rows = state.containers.sort().live() ? state.containers.shown() : state.containers.visible();
        List<Want> wants = rows.stream().filter(e -> e.running() || e.state().equals("paused"))
                .map(e -> new Want(e.id(), e.startedAt() == null)).toList();
        return new Round(wants, known);
    }

    /** One round; returns how many containers it read. */
    private int round(int run) {
        CompletableFuture<Round> asked = new CompletableFuture<>();
        loop.execute(() -> asked.complete(wanted()));
        Round round;
        try {
            round = asked.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the loop has stopped or is busy: try again next round
            return 0;
        }
        previousCpu.keySet().retainAll(round.known());
        Map<String, StatsSample> usage = new HashMap<>();
        Map<String, Instant> started = new HashMap<>();
        for (Want want : round.wants()) {
            if (generation.get() != run) return 0;
            try {
                if (want.needsStart()) startedAt(want.id()).ifPresent(t -> started.put(want.id(), t));
                usage.put(want.id(), reading(want.id()));
            } catch (DaemonError e) {
                // gone or stopped between the list and this request (404, 409): the events say so
                if (!e.isNotFound() && e.status() != 409) {
                    String why = PlainWords.plain(e);
                    loop.execute(() -> state.failed("stats: " + why));
                    return round.wants().size();
                }
            } catch (RuntimeException e) {
                String why = PlainWords.plain(e);
                loop.execute(() -> state.failed("stats: " + why));
                return round.wants().size();
            }
            if (usage.size() + started.size() >= BATCH) post(usage, started);
        }
        post(usage, started);
        return round.wants().size();
    }

    private void post(Map<String, StatsSample> usage, Map<String, Instant> started) {
        if (usage.isEmpty() && started.isEmpty()) return;
        Map<String, StatsSample> u = Map.copyOf(usage);
        Map<String, Instant> s = Map.copyOf(started);
        usage.clear();
        started.clear();
        loop.execute(() -> {
            state.containers.readings(u, s);
            loop.redraw();
        });
    }

    private StatsSample reading(String id) {
        JsonNode doc = client.engine().get("/containers/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/stats?stream=false&one-shot=true");
        JsonNode previous = previousCpu.put(id, doc.path("cpu_stats"));
        if (previous == null) {
            StatsSample first = StatsSample.of(doc);
            return new StatsSample(Double.NaN, first.memory(), first.memoryLimit(), first.pids());
        }
        ObjectNode pair = doc.deepCopy();
        pair.set("precpu_stats", previous);
        return StatsSample.of(pair);
    }

    private java.util.Optional<Instant> startedAt(String id) {
        String text = client.containers().inspect(id, false).path("State").path("StartedAt").asText("");
        try {
            return text.isEmpty() || text.startsWith("0001-") ? java.util.Optional.empty() : java.util.Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }
}
