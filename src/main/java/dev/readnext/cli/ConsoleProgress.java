package dev.readnext.cli;

import java.time.Duration;

import dev.readnext.ingest.arxiv.ImportProgress;
import io.quarkus.logging.Log;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of an import through the file (bytes, so the ETA holds for gzip too): a progress bar with rate and ETA
 * on a terminal, a log line every few seconds otherwise.
 */
abstract class ConsoleProgress implements ImportProgress, AutoCloseable {

    static ConsoleProgress start(long fileBytes) {
        return System.console() != null ? new Bar(fileBytes) : new LogLines(fileBytes);
    }

    @Override
    public abstract void close();

    private static final class Bar extends ConsoleProgress {

        private final ProgressBar bar;

        Bar(long fileBytes) {
            bar = new ProgressBarBuilder().setTaskName("import-arxiv").setInitialMax(fileBytes)
                    .setUnit(" MB", 1_000_000).showSpeed().setStyle(ProgressBarStyle.ASCII).build();
        }

        @Override
        public void advanced(long bytesRead, long lines) {
            bar.stepTo(bytesRead);
            bar.setExtraMessage(String.format(" %,d lines", lines));
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    private static final class LogLines extends ConsoleProgress {

        private static final Duration EVERY = Duration.ofSeconds(5);

        private final long fileBytes;
        private final long started = System.nanoTime();
        private long lastLog = started;

        LogLines(long fileBytes) {
            this.fileBytes = fileBytes;
        }

        @Override
        public void advanced(long bytesRead, long lines) {
            long now = System.nanoTime();
            if (now - lastLog < EVERY.toNanos()) {
                return;
            }
            lastLog = now;
            double seconds = (now - started) / 1e9;
            double fraction = fileBytes == 0 ? 1 : (double) bytesRead / fileBytes;
            long eta = fraction == 0 ? 0 : Math.round(seconds / fraction - seconds);
            Log.infof("import-arxiv: %.0f%% of the file, %,d lines, %,.0f lines/s, ETA %d s", fraction * 100, lines,
                    lines / seconds, eta);
        }

        @Override
        public void close() {
        }
    }
}
