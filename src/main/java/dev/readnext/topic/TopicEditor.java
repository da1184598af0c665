package dev.readnext.topic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.readnext.api.ApiException;
import dev.readnext.api.ErrorCode;
import dev.readnext.api.Inputs;
import dev.readnext.text.Slugs;
import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperChanged;
import dev.readnext.persistence.CatalogueChanged;

/** Creating and deleting topics, and tagging papers with them. */
@ApplicationScoped
@Transactional
public class TopicEditor {

    @Inject
    Event<CatalogueChanged> groups;

    @Inject
    Event<PaperChanged> papers;

    public Topic create(String name, Topic parent) {
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
        topic.parentId = parent == null ? null : parent.id;
        topic.persist();
        groups.fire(CatalogueChanged.groups());
        return topic;
    }

    /** Deletes the topic; its sub-topics become roots, its papers lose the tag. */
    public void delete(Topic topic) {
        topic.delete();
        groups.fire(CatalogueChanged.groups());
    }

    public void tag(Paper paper, Topic topic) {
        if (PaperTopic.count("paperId = ?1 and topicId = ?2", paper.id, topic.id) == 0) {
            PaperTopic link = new PaperTopic();
            link.paperId = paper.id;
            link.topicId = topic.id;
            link.persist();
            papers.fire(new PaperChanged(paper.id, PaperChanged.Change.UPDATED));
        }
    }

    /** False if the paper was not tagged with the topic. */
    public boolean untag(Paper paper, Topic topic) {
        boolean untagged = PaperTopic.delete("paperId = ?1 and topicId = ?2", paper.id, topic.id) > 0;
        if (untagged) {
            papers.fire(new PaperChanged(paper.id, PaperChanged.Change.UPDATED));
        }
        return untagged;
    }
}
