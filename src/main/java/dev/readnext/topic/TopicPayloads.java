package dev.readnext.topic;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.Ids;
import dev.readnext.api.Mutations;
import dev.readnext.paper.Paper;

/** The inputs and payloads of the topic mutations that take one input (issue 16: GitHub's convention). */
public final class TopicPayloads {

    private TopicPayloads() {
    }

    @Input("TopicCreateInput")
    @Description("A new topic")
    public static class TopicCreateInput {
        @NonNull
        @Description("The name, at most 200 characters, with a letter or digit; a topic with the same slug is a"
                + " CONFLICT")
        public String name;
        @Description("Slug of the parent topic; absent: a root topic")
        public String parent;
        @Description(Mutations.CLIENT_MUTATION_ID)
        public String clientMutationId;
    }

    @Description("The result of topicCreate")
    public record TopicCreatePayload(@NonNull @Description("The topic made") Topic topic,
            @Description(Mutations.CLIENT_MUTATION_ID_ECHOED) String clientMutationId) {
    }

    @Input("TopicDeleteInput")
    @Description("The topic to delete: its sub-topics become roots, its papers lose the tag")
    public static class TopicDeleteInput {
        @NonNull
        @Description("The topic's slug")
        public String slug;
        @Description(Mutations.CLIENT_MUTATION_ID)
        public String clientMutationId;
    }

    @Description("The result of topicDelete")
    public record TopicDeletePayload(@NonNull @Id @Description("The global id the deleted topic had")
            String deletedTopicId,
            @Description(Mutations.CLIENT_MUTATION_ID_ECHOED) String clientMutationId) {
    }

    /** What both tagging mutations take. */
    public static class PaperTopicFields {
        @NonNull
        @Id
        @Description(Ids.PAPER_ID)
        public String paperId;
        @NonNull
        @Description("The topic's slug")
        public String topic;
        @Description(Mutations.CLIENT_MUTATION_ID)
        public String clientMutationId;
    }

    @Input("PaperTopicAddInput")
    @Description("A paper and a topic to tag it with")
    public static class PaperTopicAddInput extends PaperTopicFields {
    }

    @Input("PaperTopicRemoveInput")
    @Description("A paper and a topic to take from it")
    public static class PaperTopicRemoveInput extends PaperTopicFields {
    }

    @Description("The result of paperTopicAdd")
    public record PaperTopicAddPayload(@NonNull @Description("The paper, with its topics as they are now") Paper paper,
            @Description(Mutations.CLIENT_MUTATION_ID_ECHOED) String clientMutationId) {
    }

    @Description("The result of paperTopicRemove")
    public record PaperTopicRemovePayload(@NonNull @Description("The paper, with its topics as they are now")
            Paper paper,
            @Description(Mutations.CLIENT_MUTATION_ID_ECHOED) String clientMutationId) {
    }
}
