package dev.readnext.recommend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import dev.readnext.recommend.engine.IndexStats;

/** Ready only once the recommendation index is built (the database check is Quarkus' own). */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    @Inject
    RecommendationIndex index;

    @Override
    public HealthCheckResponse call() {
        IndexStats stats = index.statsOrEmpty();
        return HealthCheckResponse.named("Recommendation index")
                .status(index.isReady())
                .withData("documents", stats.documents())
                .withData("postings", stats.postings())
                .withData("builtAt", index.builtAt().map(Object::toString).orElse("not yet"))
                .build();
    }
}
