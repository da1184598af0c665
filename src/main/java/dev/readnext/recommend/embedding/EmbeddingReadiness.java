package dev.readnext.recommend.embedding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * How far embedding got, as a detail of readiness; always up, since papers not yet embedded rank by TF-IDF alone.
 * Reads only what the worker counted (every few seconds), never the database.
 */
@Readiness
@ApplicationScoped
public class EmbeddingReadiness implements HealthCheck {

    @Inject
    PaperEmbeddings embeddings;

    @Inject
    EmbeddingWorker worker;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Semantic embeddings").up()
                .withData("enabled", embeddings.enabled());
        if (embeddings.enabled()) {
            response.withData("model", MiniLmEmbedder.MODEL)
                    .withData("modelLoaded", embeddings.modelLoaded())
                    .withData("embedded", embeddings.semanticIndex().size());
            worker.pending().ifPresent(pending -> response.withData("pending", pending));
        }
        return response.build();
    }
}
