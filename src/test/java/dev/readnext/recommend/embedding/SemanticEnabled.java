package dev.readnext.recommend.embedding;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service as deployed: semantic similarity on, papers embedded in the background. */
public class SemanticEnabled implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("readnext.similarity.semantic.enabled", "true");
    }
}
