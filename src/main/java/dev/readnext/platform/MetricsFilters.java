package dev.readnext.platform;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.config.MeterFilter;

/** Corrections to the meters Quarkus registers (applied by Quarkus to every registry). */
@Singleton
public class MetricsFilters {

    static final String NETTY_WORKERS = "netty.eventexecutor.workers";

    /**
     * Quarkus binds Micrometer's Netty event-executor metrics twice, to Vert.x's event loops and to its acceptor loop.
     * Since Micrometer 1.16 each binding also registers the gauge {@value #NETTY_WORKERS}, with no tag that tells the
     * two apart, so the second registration is ignored with a WARN at every start (quarkusio/quarkus#52014), and the
     * gauge reports whichever group came first. It is dropped; the per-loop {@code netty.eventexecutor.tasks.pending}
     * (tagged by loop name) stay.
     */
    @Produces
    @Singleton
    MeterFilter dropTheAmbiguousNettyWorkersGauge() {
        return MeterFilter.deny(id -> id.getName().equals(NETTY_WORKERS));
    }
}
