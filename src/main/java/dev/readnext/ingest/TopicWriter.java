package dev.readnext.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.readnext.topic.PaperTopic;
import dev.readnext.topic.Topic;
import dev.readnext.text.Slugs;

/**
 * Topics from section headings, merged across lists by slug ("Mixture-of-Experts" ≡ "Mixture Of Experts").
 * A topic's parent is set when the topic is created (the first list to name it decides where it hangs).
 */
final class TopicWriter {

    private final Map<String, Topic> bySlug = new HashMap<>();
    /** The papers of each topic used so far: read once per topic rather than a query per link. */
    private final Map<Long, Set<Long>> linked = new HashMap<>();

    /** The innermost topic of a heading path, created with its ancestors as needed; null for an empty path. */
    Topic ensure(List<String> path) {
        Topic parent = null;
        for (String name : path) {
            String slug = Slugs.slugify(name);
            if (slug.isEmpty()) {
                continue;
            }
            Topic topic = bySlug.computeIfAbsent(slug, s -> Topic.findBySlug(s).orElse(null));
            if (topic == null) {
                topic = new Topic();
                topic.slug = slug;
                topic.name = name.strip();
                topic.parentId = parent == null ? null : parent.id;
                topic.persist();
                bySlug.put(slug, topic);
            }
            parent = topic;
        }
        return parent;
    }

    /** Links the paper to the topic; true when the link is new. */
    boolean link(long paperId, Topic topic) {
        if (topic == null
                || !linked.computeIfAbsent(topic.id, id -> new HashSet<>(PaperTopic.paperIds(id))).add(paperId)) {
            return false;
        }
        PaperTopic link = new PaperTopic();
        link.paperId = paperId;
        link.topicId = topic.id;
        link.persist();
        return true;
    }
}
