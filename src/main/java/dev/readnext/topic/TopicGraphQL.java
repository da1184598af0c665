package dev.readnext.topic;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.graphql.api.Deprecated;

import io.quarkus.panache.common.Sort;

import dev.readnext.api.ApiException;
import dev.readnext.api.Found;
import dev.readnext.api.Ids;
import dev.readnext.api.Mutations;
import dev.readnext.api.Paging;
import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperConnection;
import dev.readnext.paper.PaperService;
import dev.readnext.security.Roles;
import dev.readnext.topic.TopicPayloads.PaperTopicAddInput;
import dev.readnext.topic.TopicPayloads.PaperTopicAddPayload;
import dev.readnext.topic.TopicPayloads.PaperTopicRemoveInput;
import dev.readnext.topic.TopicPayloads.PaperTopicRemovePayload;
import dev.readnext.topic.TopicPayloads.TopicCreateInput;
import dev.readnext.topic.TopicPayloads.TopicCreatePayload;
import dev.readnext.topic.TopicPayloads.TopicDeleteInput;
import dev.readnext.topic.TopicPayloads.TopicDeletePayload;

@GraphQLApi
@Transactional // see GraphQLSetup: each resolver in its own transaction
public class TopicGraphQL {

    @Inject
    TopicService topics;

    @Inject
    TopicEditor editor;

    @Inject
    PaperService papers;

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Description("A new topic named name (its slug is derived from the name), under the parent topic if given")
    public TopicCreatePayload topicCreate(@NonNull @Description("The topic's name and parent") TopicCreateInput input) {
        return new TopicCreatePayload(createTopic(input.name, input.parent), input.clientMutationId);
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Description("Deletes the topic: its sub-topics become roots, its papers lose the tag")
    public TopicDeletePayload topicDelete(@NonNull @Description("The topic to delete") TopicDeleteInput input) {
        Topic topic = topic(input.slug);
        String deletedId = topic.getNodeId();
        editor.delete(topic);
        return new TopicDeletePayload(deletedId, input.clientMutationId);
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Description("Tags a paper with a topic; tagging it again changes nothing")
    public PaperTopicAddPayload paperTopicAdd(@NonNull @Description("The paper and the topic")
            PaperTopicAddInput input) {
        return new PaperTopicAddPayload(tagPaper(input.paperId, input.topic), input.clientMutationId);
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Description("Removes a topic from a paper; NOT_FOUND if the paper does not have it")
    public PaperTopicRemovePayload paperTopicRemove(@NonNull @Description("The paper and the topic")
            PaperTopicRemoveInput input) {
        return new PaperTopicRemovePayload(untagPaper(input.paperId, input.topic), input.clientMutationId);
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Deprecated(reason = "Use topicCreate" + Mutations.PAYLOAD)
    @Description("A new topic named name (its slug is derived from the name), under the parent topic if given")
    public Topic createTopic(
            @NonNull @Description("The name, at most 200 characters, with a letter or digit; a topic with the same slug"
                    + " is a CONFLICT") String name,
            @Description("Slug of the parent topic; absent: a root topic") String parent) {
        return editor.create(name, parent == null ? null : topic(parent));
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Deprecated(reason = "Use topicDelete" + Mutations.PAYLOAD)
    @Description("Deletes the topic: its sub-topics become roots, its papers lose the tag")
    public Boolean deleteTopic(@NonNull @Description("The topic's slug") String slug) {
        editor.delete(topic(slug));
        return true;
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Deprecated(reason = "Use paperTopicAdd" + Mutations.PAYLOAD)
    @Description("Tags a paper with a topic; tagging it again changes nothing")
    public Paper tagPaper(@NonNull @Id @Description(Ids.PAPER_ID) String paperId,
            @NonNull @Description("The topic's slug") String topic) {
        Paper paper = paper(paperId);
        editor.tag(paper, topic(topic));
        return paper;
    }

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Deprecated(reason = "Use paperTopicRemove" + Mutations.PAYLOAD)
    @Description("Removes a topic from a paper; NOT_FOUND if the paper does not have it")
    public Paper untagPaper(@NonNull @Id @Description(Ids.PAPER_ID) String paperId,
            @NonNull @Description("The topic's slug") String topic) {
        Paper paper = paper(paperId);
        if (!editor.untag(paper, topic(topic))) {
            throw ApiException.notFound("paper " + paperId + " is not in topic " + topic);
        }
        return paper;
    }

    @Query
    @NonNull
    @Description("All topics, by name; roots have no parent")
    public List<@NonNull Topic> topics() {
        return Topic.listAll(Sort.by("name"));
    }

    @Query
    @Description("A topic by slug; an unknown slug is a NOT_FOUND error")
    public Topic topic(@NonNull @Description("The topic's slug") String slug) {
        return Found.orNotFound(Topic.findBySlug(slug), "topic", "slug", slug);
    }

    @Description("The broader topic this one is part of; null for a root topic")
    public List<Topic> parent(@Source List<Topic> batch) {
        return topics.parents(batch);
    }

    @NonNull
    @Description("The narrower topics directly inside this one, by name")
    public List<@NonNull List<@NonNull Topic>> children(@Source List<Topic> batch) {
        return topics.children(batch);
    }

    @NonNull
    @Description("Papers of this topic and its sub-topics (first ≤ 100)")
    public List<@NonNull PaperConnection> papers(@Source List<Topic> batch,
            @DefaultValue("20") @Description("Page size, 0 to 100") Integer first,
            @Description(Paging.AFTER) String after) {
        return topics.papers(batch, first, after);
    }

    @NonNull
    @Description("Number of papers in this topic and its sub-topics")
    public List<@NonNull Integer> paperCount(@Source List<Topic> batch) {
        return topics.paperCounts(batch);
    }

    @NonNull
    @Name("topics")
    @Description("The topics this paper is tagged with, by name")
    public List<@NonNull List<@NonNull Topic>> topicsOfPapers(@Source List<Paper> batch) {
        return topics.topicsOf(batch);
    }

    private Paper paper(String id) {
        return Found.orNotFound(papers.byId(Ids.paperId("paperId", id)), "paper", "id", id);
    }
}
