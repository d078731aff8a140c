package dev.purser.tui.dashboard.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The last {@code capacity} stats samples of a container (a fixed window: memory does not grow with uptime). */
public final class StatsWindow {
    private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};
    private final StatsSample[] samples;
    private int first;
    private int size;

    public StatsWindow(int capacity) {
        samples = new StatsSample[capacity];
    }

    public void add(StatsSample s) {
        if (size < samples.length) {
            samples[(first + size++) % samples.length] = s;
        } else {
            samples[first] = s;
            first = (first + 1) % samples.length;
        }
    }

    public void clear() {
        first = 0;
        size = 0;
    }

    public int size() {
        return size;
    }

    public StatsSample latest() {
        return size == 0 ? null : samples[(first + size - 1) % samples.length];
    }

    /** The newest {@code width} values of {@code value} as a sparkline, scaled to {@code max} (or to their own maximum when max is 0). */
    public String sparkline(ToDoubleFunction<StatsSample> value, double max, int width) {
        List<Double> values = new ArrayList<>();
        for (int i = Math.max(0, size - width); i < size; i++) values.add(value.applyAsDouble(samples[(first + i) % samples.length]));
        double top = max > 0 ? max : values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder line = new StringBuilder();
        for (double v : values) {
            int level = top <= 0 ? 0 : (int) Math.round(Math.min(1, v / top) * (BARS.length - 1));
            line.append(BARS[Math.max(0, level)]);
        }
        return line.toString();
    }
}
