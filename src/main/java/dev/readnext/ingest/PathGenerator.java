package dev.readnext.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.readnext.course.Course;
import dev.readnext.course.CourseSection;
import dev.readnext.course.CourseSession;
import dev.readnext.course.SessionReading;
import dev.readnext.path.LearningPath;
import dev.readnext.path.LearningPathStep;
import dev.readnext.text.Slugs;

/**
 * One learning path per course section: the readings of the section's sessions (and its sub-sections') in
 * schedule order, each step noting the session it comes from. Paths are regenerated on every import of the
 * course and keep their slug, so links to them stay valid.
 */
final class PathGenerator {

    void generate(Course course) {
        List<CourseSection> sections = CourseSection.list("courseId = ?1 order by position", course.id);
        List<CourseSession> sessions = CourseSession.list("courseId = ?1 order by position", course.id);
        Map<Long, List<SessionReading>> readings = new HashMap<>();
        SessionReading.<SessionReading>list("sessionId in ?1 order by position",
                sessions.stream().map(s -> s.id).toList())
                .forEach(r -> readings.computeIfAbsent(r.sessionId, k -> new ArrayList<>()).add(r));
        Map<Long, CourseSection> sectionById = new HashMap<>();
        sections.forEach(s -> sectionById.put(s.id, s));
        for (CourseSection section : sections) {
            LearningPath path = LearningPath.find("courseSectionId", section.id).<LearningPath>firstResultOptional()
                    .orElseGet(() -> newPath(course, section));
            path.title = course.title.split(" — ")[0] + ": " + section.title;
            path.description = "The readings of section " + section.number + " \"" + section.title + "\" of "
                    + course.title + ", in the order of the sessions.";
            path.topicId = section.topicId;
            path.persist();
            Map<Long, String> steps = new LinkedHashMap<>();
            for (CourseSession session : sessions) {
                if (within(sectionById, session.sectionId, section.id)) {
                    for (SessionReading r : readings.getOrDefault(session.id, List.of())) {
                        steps.putIfAbsent(r.paperId, session.label + ": " + session.title
                                + (r.optional ? " (optional)" : ""));
                    }
                }
            }
            writeSteps(path, steps);
        }
    }

    private static LearningPath newPath(Course course, CourseSection section) {
        LearningPath path = new LearningPath();
        path.slug = Slugs.slugify(course.slug + " " + section.number + " " + section.title);
        path.courseSectionId = section.id;
        return path;
    }

    /** True when the session's section is the given section or lies inside it. */
    private static boolean within(Map<Long, CourseSection> sections, Long sectionId, long ancestorId) {
        for (Long id = sectionId; id != null; id = sections.get(id).parentId) {
            if (id == ancestorId) {
                return true;
            }
        }
        return false;
    }

    private static void writeSteps(LearningPath path, Map<Long, String> notesByPaper) {
        Map<Long, LearningPathStep> existing = new HashMap<>();
        LearningPathStep.<LearningPathStep>list("pathId", path.id).forEach(s -> existing.put(s.paperId, s));
        int position = 0;
        for (Map.Entry<Long, String> wanted : notesByPaper.entrySet()) {
            LearningPathStep step = existing.remove(wanted.getKey());
            if (step == null) {
                step = new LearningPathStep();
                step.pathId = path.id;
                step.paperId = wanted.getKey();
            }
            step.position = ++position;
            step.note = wanted.getValue();
            step.persist();
        }
        existing.values().forEach(LearningPathStep::delete);
    }
}
