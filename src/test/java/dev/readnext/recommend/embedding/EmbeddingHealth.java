package dev.readnext.recommend.embedding;

import static io.restassured.RestAssured.get;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The "Semantic embeddings" detail of the readiness endpoint, and waiting with a deadline. */
public final class EmbeddingHealth {

    private EmbeddingHealth() {
    }

    /** The check's data (readiness may be 503 while the TF-IDF index builds; the detail is there all the same). */
    public static Map<String, Object> detail() {
        return get("/q/health/ready").then().extract()
                .path("checks.find { it.name == 'Semantic embeddings' }.data");
    }

    public static boolean nothingPending() {
        Map<String, Object> detail = detail();
        return detail != null && Integer.valueOf(0).equals(detail.get("pending"));
    }

    /** Polls {@code condition} until it holds or {@code limit} passed; returns whether it held. */
    public static boolean await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }
}
