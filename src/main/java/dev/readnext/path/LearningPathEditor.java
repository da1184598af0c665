package dev.readnext.path;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.readnext.api.ApiException;
import dev.readnext.api.ErrorCode;
import dev.readnext.api.Inputs;
import dev.readnext.text.Slugs;
import dev.readnext.paper.PaperService;
import dev.readnext.topic.TopicService;

/**
 * Editors' learning paths: create, add/move/remove steps, delete. Every change bumps the path's version; a change
 * that names an older version is a CONFLICT. Paths generated from a course follow the course and are not edited.
 */
@ApplicationScoped
@Transactional
public class LearningPathEditor {

    static final int MAX_STEPS = 500;

    @Inject
    EntityManager em;

    @Inject
    PaperService papers;

    @Inject
    TopicService topics;

    public LearningPath create(String title, String description, String topicSlug) {
        LearningPath path = new LearningPath();
        path.title = Inputs.requiredText("title", title, 300);
        path.description = Inputs.optionalText("description", description, 2000);
        path.topicId = topicSlug == null ? null : topics.require(topicSlug).id;
        path.slug = Slugs.unique(path.title, 60, "path", slug -> LearningPath.count("slug", slug) > 0);
        path.persist();
        return path;
    }

    public LearningPath addStep(String slug, Integer version, long paperId, Integer position, String note) {
        LearningPath path = editable(slug, version);
        papers.require(paperId);
        List<LearningPathStep> steps = steps(path);
        if (steps.stream().anyMatch(s -> s.paperId == paperId)) {
            throw new ApiException(ErrorCode.CONFLICT, "paper " + paperId + " is already a step of " + slug, "paperId", null);
        }
        if (steps.size() >= MAX_STEPS) {
            throw ApiException.badInput("path", "a path has at most " + MAX_STEPS + " steps");
        }
        int at = position == null ? steps.size() + 1 : checkPosition(position, steps.size() + 1);
        LearningPathStep step = new LearningPathStep();
        step.pathId = path.id;
        step.paperId = paperId;
        step.note = Inputs.optionalText("note", note, 1000);
        steps.add(at - 1, step);
        renumber(steps);
        return path;
    }

    public LearningPath moveStep(String slug, Integer version, long paperId, int position) {
        LearningPath path = editable(slug, version);
        List<LearningPathStep> steps = steps(path);
        LearningPathStep step = step(steps, slug, paperId);
        steps.remove(step);
        steps.add(checkPosition(position, steps.size() + 1) - 1, step);
        renumber(steps);
        return path;
    }

    public LearningPath removeStep(String slug, Integer version, long paperId) {
        LearningPath path = editable(slug, version);
        List<LearningPathStep> steps = steps(path);
        LearningPathStep step = step(steps, slug, paperId);
        steps.remove(step);
        step.delete();
        renumber(steps);
        return path;
    }

    public boolean delete(String slug) {
        editable(slug, null).delete();
        return true;
    }

    private LearningPath editable(String slug, Integer version) {
        LearningPath path = LearningPath.findBySlug(slug)
                .orElseThrow(() -> ApiException.notFound("no learning path with slug " + slug));
        if (path.isGenerated()) {
            throw ApiException.badInput("path", "path " + slug + " is generated from its course and follows it;"
                    + " create your own path to edit");
        }
        if (version != null && version != path.version) {
            throw new ApiException(ErrorCode.CONFLICT, "path " + slug + " was changed meanwhile (version " + path.version
                    + ", yours " + version + ")", "version", null);
        }
        em.lock(path, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return path;
    }

    private static List<LearningPathStep> steps(LearningPath path) {
        return new ArrayList<>(LearningPathStep.list("pathId = ?1 order by position", path.id));
    }

    private static LearningPathStep step(List<LearningPathStep> steps, String slug, long paperId) {
        return steps.stream().filter(s -> s.paperId == paperId).findFirst()
                .orElseThrow(() -> ApiException.notFound("paper " + paperId + " is not a step of " + slug));
    }

    private static int checkPosition(int position, int max) {
        if (position < 1 || position > max) {
            throw ApiException.badInput("position", "position must be between 1 and " + max);
        }
        return position;
    }

    private static void renumber(List<LearningPathStep> steps) {
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).position = i + 1;
            steps.get(i).persist();
        }
    }
}
