package dev.readnext.topic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.readnext.api.ApiException;
import dev.readnext.api.ErrorCode;
import dev.readnext.api.Inputs;
import dev.readnext.text.Slugs;
import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperService;

/** Creating and deleting topics, and tagging papers with them. */
@ApplicationScoped
@Transactional
public class TopicEditor {

    @Inject
    TopicService topics;

    @Inject
    PaperService papers;

    public Topic create(String name, String parentSlug) {
        String topicName = Inputs.requiredText("name", name, 200);
        String slug = Slugs.slugify(topicName);
        if (slug.isEmpty()) {
            throw ApiException.badInput("name", "name must contain a letter or digit");
        }
        if (Topic.findBySlug(slug).isPresent()) {
            throw new ApiException(ErrorCode.CONFLICT, "a topic with slug " + slug + " exists already", "name", null);
        }
        Topic topic = new Topic();
        topic.slug = slug;
        topic.name = topicName;
        topic.parentId = parentSlug == null ? null : topics.require(parentSlug).id;
        topic.persist();
        return topic;
    }

    /** Deletes the topic; its sub-topics become roots, its papers lose the tag. */
    public boolean delete(String slug) {
        topics.require(slug).delete();
        return true;
    }

    public Paper tag(long paperId, String topicSlug) {
        Paper paper = papers.require(paperId);
        Topic topic = topics.require(topicSlug);
        if (PaperTopic.count("paperId = ?1 and topicId = ?2", paperId, topic.id) == 0) {
            PaperTopic link = new PaperTopic();
            link.paperId = paperId;
            link.topicId = topic.id;
            link.persist();
        }
        return paper;
    }

    public Paper untag(long paperId, String topicSlug) {
        Paper paper = papers.require(paperId);
        Topic topic = topics.require(topicSlug);
        if (PaperTopic.delete("paperId = ?1 and topicId = ?2", paperId, topic.id) == 0) {
            throw ApiException.notFound("paper " + paperId + " is not in topic " + topicSlug);
        }
        return paper;
    }
}
