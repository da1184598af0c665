package dev.readnext.path;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.Mutations;

/** The inputs and payloads of the learning path mutations that take one input (issue 16: GitHub's convention). */
public final class LearningPathPayloads {

    static final String PATH = "The learning path's slug; paths generated from a course cannot be edited"
            + " (BAD_USER_INPUT)";
    static final String VERSION = "The path's version as read (LearningPath.version): a CONFLICT if it has changed"
            + " since; absent: no check";
    static final String NEW_STEP_PAPER = "The global id (or numeric databaseId) of the paper; a paper already in"
            + " the path is a CONFLICT";
    static final String STEP_PAPER = "The global id (or numeric databaseId) of the step's paper";

    private LearningPathPayloads() {
    }

    @Input("LearningPathCreateInput")
    @Description("A new, empty learning path")
    public static class LearningPathCreateInput {
        @NonNull
        @Description("The title, at most 300 characters; the slug is derived from it")
        public String title;
        @Description("What the path covers, at most 2,000 characters")
        public String description;
        @Description("The slug of the topic the path is about; absent: none")
        public String topic;
        @Description(Mutations.CLIENT_MUTATION_ID)
        public String clientMutationId;
    }

    @Description("The result of learningPathCreate")
    public record LearningPathCreatePayload(@NonNull @Description("The path made") LearningPath learningPath,
            @Description(Mutations.CLIENT_MUTATION_ID_ECHOED) String clientMutationId) {
    }

    @Input("LearningPathDeleteInput")
    @Description("A learning path an editor made, to delete (generated paths follow their course)")
    public static class LearningPathDeleteInput {
        @NonNull
        @Description("The path's slug")
        public String slug;
        @Description(Mutations.CLIENT_MUTATION_ID)
        public String clientMutationId;
    }

    @Description("The result of learningPathDelete")
    public record LearningPathDeletePayload(@NonNull @Id @Description("The global id the deleted path had")
            String deletedLearningPathId,
            @Description(Mutations.CLIENT_MUTATION_ID_ECHOED) String clientMutationId) {
    }

    @Input("LearningPathStepAddInput")
    @Description("A paper to add to a learning path as a step")
    public static class LearningPathStepAddInput {
        @NonNull
        @Description(PATH)
        public String path;
        @NonNull
        @Id
        @Description(NEW_STEP_PAPER)
        public String paperId;
        @Description("1-based position of the new step, from 1 to the number of steps + 1; absent: last")
        public Integer position;
        @Description("A note on the step, at most 1,000 characters")
        public String note;
        @Description(VERSION)
        public Integer version;
        @Description(Mutations.CLIENT_MUTATION_ID)
        public String clientMutationId;
    }

    @Description("The result of learningPathStepAdd")
    public record LearningPathStepAddPayload(@NonNull @Description("The path with its steps as they are now")
            LearningPath learningPath,
            @Description(Mutations.CLIENT_MUTATION_ID_ECHOED) String clientMutationId) {
    }

    @Input("LearningPathStepMoveInput")
    @Description("A step of a learning path and where to move it")
    public static class LearningPathStepMoveInput {
        @NonNull
        @Description(PATH)
        public String path;
        @NonNull
        @Id
        @Description(STEP_PAPER)
        public String paperId;
        @NonNull
        @Description("The new 1-based position, from 1 to the number of steps")
        public Integer position;
        @Description(VERSION)
        public Integer version;
        @Description(Mutations.CLIENT_MUTATION_ID)
        public String clientMutationId;
    }

    @Description("The result of learningPathStepMove")
    public record LearningPathStepMovePayload(@NonNull @Description("The path with its steps as they are now")
            LearningPath learningPath,
            @Description(Mutations.CLIENT_MUTATION_ID_ECHOED) String clientMutationId) {
    }

    @Input("LearningPathStepRemoveInput")
    @Description("A step to remove from a learning path; the later ones move up")
    public static class LearningPathStepRemoveInput {
        @NonNull
        @Description(PATH)
        public String path;
        @NonNull
        @Id
        @Description(STEP_PAPER)
        public String paperId;
        @Description(VERSION)
        public Integer version;
        @Description(Mutations.CLIENT_MUTATION_ID)
        public String clientMutationId;
    }

    @Description("The result of learningPathStepRemove")
    public record LearningPathStepRemovePayload(@NonNull @Description("The path with its steps as they are now")
            LearningPath learningPath,
            @Description(Mutations.CLIENT_MUTATION_ID_ECHOED) String clientMutationId) {
    }
}
