package dev.readnext.path;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.readnext.api.ApiException;
import dev.readnext.api.Found;
import dev.readnext.api.Ids;
import dev.readnext.security.Roles;
import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperService;
import dev.readnext.topic.Topic;

@GraphQLApi
@Transactional // see GraphQLSetup: each resolver in its own transaction
public class LearningPathGraphQL {

    @Inject
    LearningPathService paths;

    @Inject
    LearningPathEditor editor;

    @Inject
    PaperService papers;

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    public LearningPath createLearningPath(@NonNull String title, String description,
            @Description("topic slug") String topic) {
        return editor.create(title, description, topic == null ? null : topic(topic));
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Description("Adds a paper as a step at position (default: last); version, if given, must be current")
    public LearningPath addPathStep(@NonNull String path, @NonNull @Id String paperId, Integer position, String note,
            Integer version) {
        LearningPath learningPath = learningPath(path);
        editor.addStep(learningPath, version,
                Found.orNotFound(papers.byId(Ids.parse("paperId", paperId)), "paper", "id", paperId), position, note);
        return learningPath;
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    public LearningPath movePathStep(@NonNull String path, @NonNull @Id String paperId, @NonNull Integer position,
            Integer version) {
        LearningPath learningPath = learningPath(path);
        if (!editor.moveStep(learningPath, version, Ids.parse("paperId", paperId), position)) {
            throw notAStep(paperId, path);
        }
        return learningPath;
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    public LearningPath removePathStep(@NonNull String path, @NonNull @Id String paperId, Integer version) {
        LearningPath learningPath = learningPath(path);
        if (!editor.removeStep(learningPath, version, Ids.parse("paperId", paperId))) {
            throw notAStep(paperId, path);
        }
        return learningPath;
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    public Boolean deleteLearningPath(@NonNull String slug) {
        editor.delete(learningPath(slug));
        return true;
    }

    @Query
    @NonNull
    @Description("All learning paths, or those of a topic (slug) and its sub-topics")
    public List<@NonNull LearningPath> learningPaths(String topic) {
        return paths.all(topic == null ? null : topic(topic));
    }

    @Query
    public LearningPath learningPath(@NonNull String slug) {
        return Found.orNotFound(LearningPath.findBySlug(slug), "learning path", "slug", slug);
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

    private Topic topic(String slug) {
        return Found.orNotFound(Topic.findBySlug(slug), "topic", "slug", slug);
    }

    private static ApiException notAStep(String paperId, String path) {
        return ApiException.notFound("paper " + paperId + " is not a step of " + path);
    }
}
