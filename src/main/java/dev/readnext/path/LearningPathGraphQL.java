package dev.readnext.path;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.readnext.graphql.ApiException;
import dev.readnext.paper.Paper;
import dev.readnext.topic.Topic;

@GraphQLApi
public class LearningPathGraphQL {

    @Inject
    LearningPathService paths;

    @Query
    @NonNull
    @Description("All learning paths, or those of a topic (slug) and its sub-topics")
    public List<@NonNull LearningPath> learningPaths(String topic) {
        return paths.all(topic);
    }

    @Query
    public LearningPath learningPath(@NonNull String slug) {
        LearningPath path = paths.bySlug(slug);
        if (path == null) {
            throw ApiException.notFound("no learning path with slug " + slug);
        }
        return path;
    }

    public List<Topic> topic(@Source List<LearningPath> batch) {
        return paths.topicsOf(batch);
    }

    @NonNull
    @Description("Steps in reading order")
    public List<@NonNull List<@NonNull LearningPathStep>> steps(@Source List<LearningPath> batch) {
        return paths.stepsOf(batch);
    }

    @NonNull
    public List<@NonNull Paper> paper(@Source List<LearningPathStep> batch) {
        return paths.papersOf(batch);
    }
}
