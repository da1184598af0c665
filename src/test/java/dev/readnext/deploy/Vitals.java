package dev.readnext.deploy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches the packaged app while it is under load, as the kubelet would and stricter: liveness must answer UP
 * within {@code livenessLimit} on every probe, readiness UP within {@code readinessLimit}, and the process's
 * resident memory (VmRSS) stay under {@code rssLimit}. Probes run every 500 ms on a client of their own, so they
 * never wait behind the load's connections. Every miss is recorded as a violation.
 */
final class Vitals implements AutoCloseable {

    static final Duration PROBE_PERIOD = Duration.ofMillis(500);
    private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB$");

    private final PackagedApp app;
    private final Duration livenessLimit;
    private final Duration readinessLimit;
    private final long rssLimit;
    private final HttpClient probes = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(3);
    private final Queue<String> violations;
    private final Latencies liveness = new Latencies();
    private final Latencies readiness = new Latencies();
    private final AtomicLong maxRss = new AtomicLong();
    private double[] gcAtStart;
    private long startedAt;

    Vitals(PackagedApp app, Duration livenessLimit, Duration readinessLimit, long rssLimit, Queue<String> violations) {
        this.app = app;
        this.livenessLimit = livenessLimit;
        this.readinessLimit = readinessLimit;
        this.rssLimit = rssLimit;
        this.violations = violations;
    }

    Vitals start() {
        gcAtStart = gcPauses();
        startedAt = System.nanoTime();
        long period = PROBE_PERIOD.toMillis();
        scheduler.scheduleAtFixedRate(() -> probe("/q/health/live", livenessLimit, liveness), 0, period, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(() -> probe("/q/health/ready", readinessLimit, readiness), 0, period, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(this::sampleRss, 0, period, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdown();
        scheduler.awaitTermination(30, TimeUnit.SECONDS);
    }

    long maxRssBytes() {
        return maxRss.get();
    }

    String summary() {
        double[] gc = gcPauses();
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        return String.format("liveness probes %d (p50 %d ms, p99 %d ms, max %d ms), readiness probes %d (p50 %d ms,"
                + " p99 %d ms, max %d ms), max RSS %d MiB of the %d MiB limit; GC pauses %.0f, %.1f s in all (%.0f %% of"
                + " %.0f s), the longest of the last minutes %.0f ms",
                liveness.count(), liveness.percentile(50), liveness.percentile(99), liveness.max(),
                readiness.count(), readiness.percentile(50), readiness.percentile(99), readiness.max(),
                maxRss.get() >> 20, rssLimit >> 20, gc[0] - gcAtStart[0], gc[1] - gcAtStart[1],
                100 * (gc[1] - gcAtStart[1]) / seconds, seconds, gc[2] * 1000);
    }

    /** From the app's metrics: GC pauses so far, their total seconds, and the longest in Micrometer's recent window. */
    private double[] gcPauses() {
        double[] totals = new double[3];
        try {
            for (String line : app.get("/q/metrics").body().split("\n")) {
                double value = line.startsWith("jvm_gc_pause_seconds") ? Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) : 0;
                if (line.startsWith("jvm_gc_pause_seconds_count")) {
                    totals[0] += value;
                } else if (line.startsWith("jvm_gc_pause_seconds_sum")) {
                    totals[1] += value;
                } else if (line.startsWith("jvm_gc_pause_seconds_max")) {
                    totals[2] = Math.max(totals[2], value);
                }
            }
        } catch (IOException e) {
            violations.add("no metrics: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return totals;
    }

    private void probe(String path, Duration limit, Latencies latencies) {
        long start = System.nanoTime();
        try {
            // the client waits longer than the limit, so a slow answer is measured rather than cut short
            HttpResponse<String> response = probes.send(HttpRequest.newBuilder(app.uri(path))
                    .timeout(limit.multipliedBy(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            latencies.add(millis);
            if (response.statusCode() != 200) {
                violations.add(path + " answered " + response.statusCode() + ": " + response.body());
            } else if (millis > limit.toMillis()) {
                violations.add(path + " answered after " + millis + " ms, more than " + limit.toMillis() + " ms");
            }
        } catch (IOException e) {
            violations.add(path + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sampleRss() {
        try {
            Matcher m = VM_RSS.matcher(Files.readString(Path.of("/proc", String.valueOf(app.process().pid()), "status")));
            if (m.find()) {
                long rss = Long.parseLong(m.group(1)) * 1024;
                if (maxRss.getAndAccumulate(rss, Math::max) < rssLimit && rss >= rssLimit) {
                    violations.add("resident memory " + (rss >> 20) + " MiB reached the container limit of "
                            + (rssLimit >> 20) + " MiB");
                }
            }
        } catch (IOException e) {
            violations.add("cannot read the app's memory (has it exited?): " + e);
        }
    }
}
