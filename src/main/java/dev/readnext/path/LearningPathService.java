package dev.readnext.path;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.readnext.api.Batches;
import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperService;
import dev.readnext.topic.Topic;

/** Learning paths and their steps, loaded in batches for GraphQL. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LearningPathService {

    @Inject
    EntityManager em;

    @Inject
    PaperService papers;

    /** All paths, or those of a topic (if not null) and its sub-topics. */
    public List<LearningPath> all(Topic topic) {
        if (topic == null) {
            return LearningPath.list("order by id");
        }
        List<?> ids = em.createNativeQuery("""
                WITH RECURSIVE sub(id) AS (SELECT CAST(:topicId AS bigint)
                                           UNION SELECT t.id FROM topic t JOIN sub ON t.parent_id = sub.id)
                SELECT p.id FROM learning_path p JOIN sub ON p.topic_id = sub.id ORDER BY p.id""")
                .setParameter("topicId", topic.id)
                .getResultList();
        return ids.isEmpty() ? List.of()
                : LearningPath.list("id in ?1 order by id", ids.stream().map(id -> ((Number) id).longValue()).toList());
    }

    public List<List<LearningPathStep>> stepsOf(List<LearningPath> paths) {
        List<LearningPathStep> steps = LearningPathStep.list("pathId in ?1 order by pathId, position",
                paths.stream().map(p -> p.id).toList());
        return Batches.alignedGroups(paths, p -> p.id, steps, s -> s.pathId, s -> s);
    }

    public List<Topic> topicsOf(List<LearningPath> paths) {
        List<Long> ids = paths.stream().map(p -> p.topicId).filter(id -> id != null).distinct().toList();
        Map<Long, Topic> byId = ids.isEmpty() ? Map.of() : Batches.index(Topic.list("id in ?1", ids), t -> t.id);
        return paths.stream().map(p -> p.topicId == null ? null : byId.get(p.topicId)).toList();
    }

    public List<Paper> papersOf(List<LearningPathStep> steps) {
        return papers.papersFor(steps, x -> x.paperId);
    }
}
