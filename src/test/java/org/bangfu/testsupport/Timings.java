package org.bangfu.testsupport;

import java.util.Arrays;
import java.util.Locale;

/** Wall-clock samples of one operation, and the figures a benchmark prints. */
public final class Timings {

    private final String name;
    private final long[] nanos;
    private int count;

    public Timings(String name, int capacity) {
        this.name = name;
        this.nanos = new long[capacity];
    }

    public void time(Runnable operation) {
        long start = System.nanoTime();
        operation.run();
        nanos[count++] = System.nanoTime() - start;
    }

    public double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(index, count - 1))] / 1_000_000.0;
    }

    public String row() {
        return String.format(Locale.ROOT, "%-48s n=%5d  p50=%8.2f ms  p95=%8.2f ms  max=%8.2f ms", name, count,
                percentileMillis(50), percentileMillis(95), percentileMillis(100));
    }
}
