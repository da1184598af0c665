package dev.readnext.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.readnext.api.Batches;
import dev.readnext.api.Paging;
import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperConnection;
import dev.readnext.paper.PaperService;

/** The topic tree and topic memberships, loaded in batches for GraphQL. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TopicService {

    @Inject
    EntityManager em;

    @Inject
    PaperService papers;

    public List<List<Topic>> topicsOf(List<Paper> papers) {
        List<Object[]> rows = em.createQuery("""
                SELECT pt.paperId, t FROM PaperTopic pt JOIN Topic t ON t.id = pt.topicId
                WHERE pt.paperId IN :ids ORDER BY t.name""", Object[].class)
                .setParameter("ids", PaperService.ids(papers))
                .getResultList();
        return Batches.alignedGroups(papers, p -> p.id, rows, r -> (Long) r[0], r -> (Topic) r[1]);
    }

    public List<Topic> parents(List<Topic> topics) {
        List<Long> parentIds = topics.stream().map(t -> t.parentId).filter(id -> id != null).distinct().toList();
        Map<Long, Topic> parents = parentIds.isEmpty() ? Map.of()
                : Batches.index(Topic.list("id in ?1", parentIds), t -> t.id);
        return topics.stream().map(t -> t.parentId == null ? null : parents.get(t.parentId)).toList();
    }

    public List<List<Topic>> children(List<Topic> topics) {
        List<Topic> children = Topic.list("parentId in ?1 order by name", topics.stream().map(t -> t.id).toList());
        return Batches.alignedGroups(topics, t -> t.id, children, t -> t.parentId, t -> t);
    }

    /** Number of papers in each topic and its sub-topics. */
    public List<Integer> paperCounts(List<Topic> topics) {
        List<Object[]> rows = em.createNativeQuery("""
                WITH RECURSIVE sub(root, id) AS (
                    SELECT t.id, t.id FROM topic t WHERE t.id = ANY(CAST(:ids AS bigint[]))
                    UNION SELECT sub.root, t.id FROM topic t JOIN sub ON t.parent_id = sub.id)
                SELECT sub.root, count(DISTINCT pt.paper_id)
                FROM sub JOIN paper_topic pt ON pt.topic_id = sub.id GROUP BY sub.root""", Object[].class)
                .setParameter("ids", topics.stream().map(t -> t.id).toArray(Long[]::new))
                .getResultList();
        Map<Long, List<Integer>> counts = Batches.group(rows, r -> ((Number) r[0]).longValue(),
                r -> ((Number) r[1]).intValue());
        return topics.stream().map(t -> counts.getOrDefault(t.id, List.of(0)).get(0)).toList();
    }

    /** One page of each topic's papers (topic and sub-topics, by id), for all topics in three queries. */
    public List<PaperConnection> papers(List<Topic> topics, Integer first, String after) {
        int size = Paging.pageSize(first, 20, Paging.MAX_PAGE_SIZE);
        List<Object[]> rows = em.createNativeQuery("""
                WITH RECURSIVE sub(root, id) AS (
                    SELECT t.id, t.id FROM topic t WHERE t.id = ANY(CAST(:ids AS bigint[]))
                    UNION SELECT sub.root, t.id FROM topic t JOIN sub ON t.parent_id = sub.id),
                members AS (SELECT DISTINCT sub.root, pt.paper_id FROM sub JOIN paper_topic pt ON pt.topic_id = sub.id),
                ranked AS (SELECT root, paper_id, row_number() OVER (PARTITION BY root ORDER BY paper_id) AS rn
                           FROM members WHERE paper_id > :afterId)
                SELECT root, paper_id FROM ranked WHERE rn <= :limit ORDER BY root, paper_id""", Object[].class)
                .setParameter("ids", topics.stream().map(t -> t.id).toArray(Long[]::new))
                .setParameter("afterId", Paging.afterId(after))
                .setParameter("limit", size + 1)
                .getResultList();
        Map<Long, Paper> byId = papers.byId(rows.stream().map(r -> ((Number) r[1]).longValue()).distinct().toList());
        Map<Long, List<Object[]>> byTopic = Batches.group(rows, r -> ((Number) r[0]).longValue(), r -> r);
        List<Integer> totals = paperCounts(topics);
        List<PaperConnection> pages = new ArrayList<>(topics.size());
        for (int i = 0; i < topics.size(); i++) {
            List<Paper> fetched = byTopic.getOrDefault(topics.get(i).id, List.<Object[]>of()).stream()
                    .map(r -> byId.get(((Number) r[1]).longValue())).toList();
            // forwards only: whether papers come before the after cursor is not asked (false, as Relay allows)
            pages.add(PaperConnection.forward(fetched, size, totals.get(i), false));
        }
        return pages;
    }
}
