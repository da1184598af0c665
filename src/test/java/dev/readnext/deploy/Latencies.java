package dev.readnext.deploy;

import java.util.ArrayList;
import java.util.List;

/** Latencies in milliseconds, safe to add to from several threads. */
final class Latencies {

    private final List<Long> millis = new ArrayList<>();

    synchronized void add(long value) {
        millis.add(value);
    }

    synchronized int count() {
        return millis.size();
    }

    /** The nearest-rank percentile, 0 when there is none. */
    synchronized long percentile(int p) {
        if (millis.isEmpty()) {
            return 0;
        }
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    synchronized long max() {
        return millis.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
