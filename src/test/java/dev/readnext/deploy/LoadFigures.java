package dev.readnext.deploy;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Per kind of request: how many were sent, their latencies, HTTP statuses and error codes. */
final class LoadFigures {

    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
    private final Latencies allHostile = new Latencies();
    private final Latencies allLegitimate = new Latencies();

    private static final class Kind {
        final boolean hostile;
        final Latencies latencies = new Latencies();
        final Map<String, Integer> outcomes = new TreeMap<>();

        Kind(boolean hostile) {
            this.hostile = hostile;
        }

        synchronized void count(String outcome) {
            outcomes.merge(outcome, 1, Integer::sum);
        }
    }

    /** One answer: status 0 when there was none; codes are the answer's error codes (none for data). */
    void record(String kind, boolean hostile, long millis, int status, Collection<String> codes) {
        Kind figures = kinds.computeIfAbsent(kind, k -> new Kind(hostile));
        figures.latencies.add(millis);
        (hostile ? allHostile : allLegitimate).add(millis);
        figures.count(status + (codes.isEmpty() ? "" : " " + String.join(",", codes)));
    }

    /** All hostile and all legitimate requests: count, p50, p99 and max latency. */
    String totals() {
        return String.format("hostile: %d requests, p50 %d ms, p99 %d ms, max %d ms; legitimate: %d requests, p50 %d ms,"
                + " p99 %d ms, max %d ms", allHostile.count(), allHostile.percentile(50), allHostile.percentile(99),
                allHostile.max(), allLegitimate.count(), allLegitimate.percentile(50), allLegitimate.percentile(99),
                allLegitimate.max());
    }

    /** A table: kind, requests, p50, p99 and max latency, outcomes (status and error codes, with their counts). */
    String table() {
        StringBuilder table = new StringBuilder(String.format("%-42s %8s %7s %7s %7s  %s%n", "kind", "requests",
                "p50 ms", "p99 ms", "max ms", "outcomes (HTTP status, error codes: count)"));
        new TreeMap<>(kinds).entrySet().stream()
                .sorted((a, b) -> Boolean.compare(a.getValue().hostile, b.getValue().hostile))
                .forEach(e -> {
                    Kind k = e.getValue();
                    String outcomes;
                    synchronized (k) {
                        outcomes = k.outcomes.entrySet().stream().map(o -> o.getKey() + ": " + o.getValue())
                                .collect(Collectors.joining("; "));
                    }
                    table.append(String.format("%-42s %8d %7d %7d %7d  %s%n", (k.hostile ? "hostile " : "legit ")
                            + e.getKey(), k.latencies.count(), k.latencies.percentile(50), k.latencies.percentile(99),
                            k.latencies.max(), outcomes));
                });
        return table.toString();
    }
}
