package dev.readnext.topic;

import java.io.Serializable;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A paper's membership in a topic. */
@Entity
@Table(name = "paper_topic")
@IdClass(PaperTopic.Key.class)
public class PaperTopic extends PanacheEntityBase {

    @Id
    @Column(name = "paper_id")
    public Long paperId;

    @Id
    @Column(name = "topic_id")
    public Long topicId;

    public record Key(Long paperId, Long topicId) implements Serializable {
    }

    /** Ids of the papers in a topic (not its sub-topics). */
    public static List<Long> paperIds(long topicId) {
        return getEntityManager()
                .createQuery("select pt.paperId from PaperTopic pt where pt.topicId = :topic", Long.class)
                .setParameter("topic", topicId)
                .getResultList();
    }
}
