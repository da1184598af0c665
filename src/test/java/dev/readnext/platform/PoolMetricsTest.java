package dev.readnext.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.readnext.ScrapedMetrics;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PoolMetricsTest {

    @Test
    void theConnectionPoolsActiveAvailableAndAwaitingConnectionsAreExported() {
        ScrapedMetrics metrics = ScrapedMetrics.scrape();
        for (String gauge : new String[] { "agroal_active_count", "agroal_available_count", "agroal_awaiting_count",
                "agroal_max_used_count" }) {
            assertTrue(metrics.has(gauge, "datasource", "default"), gauge);
        }
        assertTrue(metrics.value("agroal_available_count", "datasource", "default")
                + metrics.value("agroal_active_count", "datasource", "default") >= 1, "the pool has connections");
    }
}
