package dev.purser.tui.dashboard.containers;

import dev.purser.tui.dashboard.stats.StatsSample;
import dev.purser.tui.format.HumanDuration;
import dev.purser.tui.format.HumanSize;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * A column of the containers table: its header, its width share, the narrowest screen it shows
 * on, and how it sorts. CPU, memory and PIDs are the last stats reading (computed as
 * {@code docker stats} does, by {@link StatsSample}); uptime is since the container last started.
 */
public enum Column {
    NAME("NAME", 20, 0),
    IMAGE("IMAGE", 11, 0),
    STATUS("STATUS", 16, 0),
    CPU("CPU %", 8, 0),
    MEMORY("MEM USAGE / LIMIT", 22, 0),
    PIDS("PIDS", 7, 0),
    PORTS("PORTS", 14, 100),
    UPTIME("UPTIME", 12, 100),
    CREATED("CREATED", 13, 130),
    ID("CONTAINER ID", 13, 150);

    private final String header;
    private final int width;
    private final int fromWidth;

    Column(String header, int width, int fromWidth) {
        this.header = header;
        this.width = width;
        this.fromWidth = fromWidth;
    }

    public String header() {
        return header;
    }

    /** The width the column would like, in proportion to the others. */
    public int width() {
        return width;
    }

    /** Whether the column is drawn on a screen {@code columns} wide (the narrow ones leave the least needed out). */
    public boolean shownAt(int columns) {
        return columns >= fromWidth;
    }

    public String text(ContainerEntry e) {
        return switch (this) {
            case NAME -> e.field("Names");
            case IMAGE -> e.field("Image");
            case STATUS -> e.field("Status");
            case CPU -> live(e).filter(s -> !Double.isNaN(s.cpuPercent())).map(s -> String.format(Locale.ROOT, "%.2f%%", s.cpuPercent())).orElse("-");
            case MEMORY -> live(e).map(s -> HumanSize.binary(s.memory()) + " / " + HumanSize.binary(s.memoryLimit())).orElse("-");
            case PIDS -> live(e).map(s -> Long.toString(s.pids())).orElse("-");
            case PORTS -> e.field("Ports");
            case UPTIME -> e.runningSince().map(t -> HumanDuration.of(Duration.between(t, Instant.now()))).orElse("-");
            case CREATED -> e.field("RunningFor");
            case ID -> e.field("ID");
        };
    }

    /** Whether the column reads the engine beyond the container list (stats, start time): sorting by it needs every row read. */
    public boolean live() {
        return this == CPU || this == MEMORY || this == PIDS || this == UPTIME;
    }

    /** The first rows in this order: the busiest for CPU, memory and PIDs, the longest up for uptime, the newest for created. */
    public Comparator<ContainerEntry> order() {
        return switch (this) {
            case CREATED -> Comparator.comparingLong(ContainerEntry::created).reversed();
            case STATUS -> Comparator.comparing(ContainerEntry::state).thenComparing(e -> e.field("Status"));
            case CPU -> highestFirst(s -> s.cpuPercent());
            case MEMORY -> highestFirst(s -> s.memory());
            case PIDS -> highestFirst(s -> (double) s.pids());
            case UPTIME -> Comparator.comparing((ContainerEntry e) -> e.runningSince().orElse(Instant.MAX));
            default -> Comparator.comparing(e -> text(e).toLowerCase(Locale.ROOT));
        };
    }

    private static Optional<StatsSample> live(ContainerEntry e) {
        return e.running() || e.state().equals("paused") ? e.lastUsage() : Optional.empty();
    }

    /** Highest value first; rows with no reading after every row with one. */
    private static Comparator<ContainerEntry> highestFirst(java.util.function.ToDoubleFunction<StatsSample> value) {
        return Comparator.comparingDouble((ContainerEntry e) -> live(e).map(value::applyAsDouble).map(v -> -v).orElse(Double.MAX_VALUE));
    }
}
