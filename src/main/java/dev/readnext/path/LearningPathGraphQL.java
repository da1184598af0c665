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

import io.smallrye.graphql.api.Deprecated;

import dev.readnext.api.ApiException;
import dev.readnext.api.Found;
import dev.readnext.api.Ids;
import dev.readnext.api.Mutations;
import dev.readnext.api.Page;
import dev.readnext.api.Paging;
import dev.readnext.path.LearningPathPayloads.LearningPathCreateInput;
import dev.readnext.path.LearningPathPayloads.LearningPathCreatePayload;
import dev.readnext.path.LearningPathPayloads.LearningPathDeleteInput;
import dev.readnext.path.LearningPathPayloads.LearningPathDeletePayload;
import dev.readnext.path.LearningPathPayloads.LearningPathStepAddInput;
import dev.readnext.path.LearningPathPayloads.LearningPathStepAddPayload;
import dev.readnext.path.LearningPathPayloads.LearningPathStepMoveInput;
import dev.readnext.path.LearningPathPayloads.LearningPathStepMovePayload;
import dev.readnext.path.LearningPathPayloads.LearningPathStepRemoveInput;
import dev.readnext.path.LearningPathPayloads.LearningPathStepRemovePayload;
import dev.readnext.security.Roles;
import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperService;
import dev.readnext.topic.Topic;

@GraphQLApi
@Transactional // see GraphQLSetup: each resolver in its own transaction
public class LearningPathGraphQL {

    private static final String PATH = LearningPathPayloads.PATH;
    private static final String VERSION = LearningPathPayloads.VERSION;

    @Inject
    LearningPathService paths;

    @Inject
    LearningPathEditor editor;

    @Inject
    PaperService papers;

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Description("A new, empty learning path; its slug is derived from the title")
    public LearningPathCreatePayload learningPathCreate(@NonNull @Description("The path's title, description and"
            + " topic") LearningPathCreateInput input) {
        return new LearningPathCreatePayload(createLearningPath(input.title, input.description, input.topic),
                input.clientMutationId);
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Description("Adds a paper as a step at position (default: last); version, if given, must be current")
    public LearningPathStepAddPayload learningPathStepAdd(@NonNull @Description("The path, the paper and where")
            LearningPathStepAddInput input) {
        return new LearningPathStepAddPayload(addPathStep(input.path, input.paperId, input.position, input.note,
                input.version), input.clientMutationId);
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Description("Moves a step to another position; NOT_FOUND if the paper is not a step of the path")
    public LearningPathStepMovePayload learningPathStepMove(@NonNull @Description("The path, the step and where")
            LearningPathStepMoveInput input) {
        return new LearningPathStepMovePayload(movePathStep(input.path, input.paperId, input.position, input.version),
                input.clientMutationId);
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Description("Removes a step; the later ones move up. NOT_FOUND if the paper is not a step of the path")
    public LearningPathStepRemovePayload learningPathStepRemove(@NonNull @Description("The path and the step")
            LearningPathStepRemoveInput input) {
        return new LearningPathStepRemovePayload(removePathStep(input.path, input.paperId, input.version),
                input.clientMutationId);
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Description("Deletes a learning path an editor made (generated paths follow their course and cannot be deleted)")
    public LearningPathDeletePayload learningPathDelete(@NonNull @Description("The path to delete")
            LearningPathDeleteInput input) {
        LearningPath learningPath = learningPath(input.slug);
        String deletedId = learningPath.getNodeId();
        editor.delete(learningPath);
        return new LearningPathDeletePayload(deletedId, input.clientMutationId);
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Deprecated(reason = "Use learningPathCreate" + Mutations.PAYLOAD)
    @Description("A new, empty learning path; its slug is derived from the title")
    public LearningPath createLearningPath(@NonNull @Description("The title, at most 300 characters") String title,
            @Description("What the path covers, at most 2,000 characters") String description,
            @Description("topic slug") String topic) {
        return editor.create(title, description, topic == null ? null : topic(topic));
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Deprecated(reason = "Use learningPathStepAdd" + Mutations.PAYLOAD)
    @Description("Adds a paper as a step at position (default: last); version, if given, must be current")
    public LearningPath addPathStep(@NonNull @Description(PATH) String path,
            @NonNull @Id @Description(LearningPathPayloads.NEW_STEP_PAPER) String paperId,
            @Description("1-based position of the new step, from 1 to the number of steps + 1; absent: last")
            Integer position,
            @Description("A note on the step, at most 1,000 characters") String note,
            @Description(VERSION) Integer version) {
        LearningPath learningPath = learningPath(path);
        editor.addStep(learningPath, version,
                Found.orNotFound(papers.byId(Ids.paperId("paperId", paperId)), "paper", "id", paperId), position, note);
        return learningPath;
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Deprecated(reason = "Use learningPathStepMove" + Mutations.PAYLOAD)
    @Description("Moves a step to another position; NOT_FOUND if the paper is not a step of the path")
    public LearningPath movePathStep(@NonNull @Description(PATH) String path,
            @NonNull @Id @Description(LearningPathPayloads.STEP_PAPER) String paperId,
            @NonNull @Description("The new 1-based position, from 1 to the number of steps") Integer position,
            @Description(VERSION) Integer version) {
        LearningPath learningPath = learningPath(path);
        if (!editor.moveStep(learningPath, version, Ids.paperId("paperId", paperId), position)) {
            throw notAStep(paperId, path);
        }
        return learningPath;
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Deprecated(reason = "Use learningPathStepRemove" + Mutations.PAYLOAD)
    @Description("Removes a step; the later ones move up. NOT_FOUND if the paper is not a step of the path")
    public LearningPath removePathStep(@NonNull @Description(PATH) String path,
            @NonNull @Id @Description(LearningPathPayloads.STEP_PAPER) String paperId,
            @Description(VERSION) Integer version) {
        LearningPath learningPath = learningPath(path);
        if (!editor.removeStep(learningPath, version, Ids.paperId("paperId", paperId))) {
            throw notAStep(paperId, path);
        }
        return learningPath;
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Deprecated(reason = "Use learningPathDelete" + Mutations.PAYLOAD)
    @Description("Deletes a learning path an editor made (generated paths follow their course and cannot be deleted)")
    public Boolean deleteLearningPath(@NonNull @Description("The path's slug") String slug) {
        editor.delete(learningPath(slug));
        return true;
    }

    @Query
    @NonNull
    @Description("All learning paths, or those of a topic (slug) and its sub-topics")
    public List<@NonNull LearningPath> learningPaths(
            @Description("A topic's slug; absent: all paths") String topic) {
        return paths.all(topic == null ? null : topic(topic));
    }

    @Query
    @NonNull
    @Description("learningPaths as a connection, a page at a time (first/after, last/before)")
    public LearningPathConnection learningPathsConnection(
            @Description("A topic's slug; absent: all paths") String topic,
            @Description(Paging.FIRST) Integer first,
            @Description(Paging.AFTER) String after,
            @Description(Paging.LAST) Integer last,
            @Description(Paging.BEFORE) String before) {
        return LearningPathConnection.of(Page.of(learningPaths(topic), first, after, last, before));
    }

    @Query
    @Description("A learning path by slug; an unknown slug is a NOT_FOUND error")
    public LearningPath learningPath(@NonNull @Description("The path's slug") String slug) {
        return Found.orNotFound(LearningPath.findBySlug(slug), "learning path", "slug", slug);
    }

    @Description("The topic the path is about; null when it has none")
    public List<Topic> topic(@Source List<LearningPath> batch) {
        return paths.topicsOf(batch);
    }

    @NonNull
    @Description("Steps in reading order")
    public List<@NonNull List<@NonNull LearningPathStep>> steps(@Source List<LearningPath> batch) {
        return paths.stepsOf(batch);
    }

    @NonNull
    @Description("The paper to read at this step")
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
