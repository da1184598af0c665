package dev.readnext.ingest;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.readnext.paper.PaperChanged;

/**
 * Test-only: when armed, injects a fault (an exception, a lost database) inside the importing transaction after a
 * number of papers were written, the way a crash or a lost connection half-way through an import would.
 */
@ApplicationScoped
public class ImportFailureInjector {

    private final AtomicInteger remaining = new AtomicInteger(-1);
    private volatile Runnable fault;

    public void failAfter(int papers) {
        onChange(papers, () -> {
            throw new IllegalStateException("injected failure half-way through an import");
        });
    }

    /** Runs the fault when the given number of papers has been written in the importing transaction. */
    public void onChange(int papers, Runnable fault) {
        this.fault = fault;
        remaining.set(papers);
    }

    public void disarm() {
        remaining.set(-1);
    }

    void onChange(@Observes PaperChanged change) {
        if (remaining.get() >= 0 && remaining.getAndDecrement() == 0) {
            fault.run();
        }
    }
}
