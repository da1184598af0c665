package dev.readnext.path;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import dev.readnext.api.ApiException;
import dev.readnext.api.ErrorCode;
import dev.readnext.api.Inputs;
import dev.readnext.persistence.CatalogueChanged;
import dev.readnext.text.Slugs;
import dev.readnext.paper.Paper;
import dev.readnext.topic.Topic;

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
    Event<CatalogueChanged> changes;

    public LearningPath create(String title, String description, Topic topic) {
        LearningPath path = new LearningPath();
        path.title = Inputs.requiredText("title", title, 300);
        path.description = Inputs.optionalText("description", description, 2000);
        path.topicId = topic == null ? null : topic.id;
        path.slug = Slugs.unique(path.title, 60, "path", slug -> LearningPath.count("slug", slug) > 0);
        path.persist();
        changes.fire(CatalogueChanged.groups());
        return path;
    }

    public void addStep(LearningPath path, Integer version, Paper paper, Integer position, String note) {
        checkEditable(path, version);
        List<LearningPathStep> steps = steps(path);
        if (steps.stream().anyMatch(s -> s.paperId.equals(paper.id))) {
            throw new ApiException(ErrorCode.CONFLICT, "paper " + paper.id + " is already a step of " + path.slug,
                    "paperId", null);
        }
        if (steps.size() >= MAX_STEPS) {
            throw ApiException.badInput("path", "a path has at most " + MAX_STEPS + " steps");
        }
        int at = position == null ? steps.size() + 1 : checkPosition(position, steps.size() + 1);
        LearningPathStep step = new LearningPathStep();
        step.pathId = path.id;
        step.paperId = paper.id;
        step.note = Inputs.optionalText("note", note, 1000);
        steps.add(at - 1, step);
        renumber(steps);
    }

    /** False if the paper is not a step of the path. */
    public boolean moveStep(LearningPath path, Integer version, long paperId, int position) {
        checkEditable(path, version);
        List<LearningPathStep> steps = steps(path);
        Optional<LearningPathStep> step = step(steps, paperId);
        step.ifPresent(s -> {
            steps.remove(s);
            steps.add(checkPosition(position, steps.size() + 1) - 1, s);
            renumber(steps);
        });
        return step.isPresent();
    }

    /** False if the paper is not a step of the path. */
    public boolean removeStep(LearningPath path, Integer version, long paperId) {
        checkEditable(path, version);
        List<LearningPathStep> steps = steps(path);
        Optional<LearningPathStep> step = step(steps, paperId);
        step.ifPresent(s -> {
            steps.remove(s);
            s.delete();
            renumber(steps);
        });
        return step.isPresent();
    }

    public void delete(LearningPath path) {
        checkEditable(path, null);
        path.delete();
    }

    private void checkEditable(LearningPath path, Integer version) {
        String slug = path.slug;
        if (path.isGenerated()) {
            throw ApiException.badInput("path", "path " + slug + " is generated from its course and follows it;"
                    + " create your own path to edit");
        }
        if (version != null && version != path.version) {
            throw new ApiException(ErrorCode.CONFLICT, "path " + slug + " was changed meanwhile (version " + path.version
                    + ", yours " + version + ")", "version", null);
        }
        em.lock(path, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        changes.fire(CatalogueChanged.groups()); // every edit checks first: the structure reloads after its commit
    }

    private static List<LearningPathStep> steps(LearningPath path) {
        return new ArrayList<>(LearningPathStep.list("pathId = ?1 order by position", path.id));
    }

    private static Optional<LearningPathStep> step(List<LearningPathStep> steps, long paperId) {
        return steps.stream().filter(s -> s.paperId == paperId).findFirst();
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
