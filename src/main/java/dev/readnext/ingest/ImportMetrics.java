package dev.readnext.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Metrics of the imports that clients and operators start: {@code importReadingList} and the arXiv bulk import
 * (mutation and command line); not the seed import at first start. Each import is timed ({@value #IMPORTS}, tagged
 * {@code format} and {@code outcome}: its count is the number of imports), and the papers it wrote are counted
 * ({@value #PAPERS}, tagged {@code format} and {@code change}). Formats are those of {@code ReadingList.format}
 * ({@code COURSE_SCHEDULE}, …), {@code ARXIV} for the bulk import.
 */
@ApplicationScoped
public class ImportMetrics {

    static final String IMPORTS = "readnext.imports";
    static final String PAPERS = "readnext.import.papers";
    /** The format of an import that failed before its format was known (a refused name, an unreadable list). */
    public static final String UNKNOWN_FORMAT = "UNKNOWN";

    @Inject
    MeterRegistry registry;

    /** Starts timing an import of the given format ({@link #UNKNOWN_FORMAT} until it is detected). */
    public Run start(String format) {
        return new Run(Timer.start(registry), format);
    }

    /** One import being timed: it ends {@link #succeeded} or {@link #failed}. */
    public final class Run {
        private final Timer.Sample sample;
        private String format;

        private Run(Timer.Sample sample, String format) {
            this.sample = sample;
            this.format = format;
        }

        /** Names the format once it is known (detected from the content). */
        public void format(String detected) {
            format = detected;
        }

        /** Papers created, and existing papers that gained data ({@code merged}; for arXiv, updated). */
        public void succeeded(int created, int merged) {
            stop("success");
            count("created", created);
            count("merged", merged);
        }

        public void failed() {
            stop("failed");
        }

        private void stop(String outcome) {
            sample.stop(Timer.builder(IMPORTS).description("Imports by format and outcome, and how long they took")
                    .tags("format", format, "outcome", outcome).register(registry));
        }

        private void count(String change, int papers) {
            Counter.builder(PAPERS).description("Papers written by imports: created, or merged into an existing paper")
                    .tags("format", format, "change", change).register(registry).increment(papers);
        }
    }
}
