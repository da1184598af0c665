package dev.readnext.course;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.readnext.api.Batches;
import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperService;

/** Courses, their outline and sessions, loaded in batches for GraphQL. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CourseService {

    @Inject
    EntityManager em;

    @Inject
    PaperService papers;

    public List<List<CourseSection>> sectionsOf(List<Course> courses) {
        List<CourseSection> sections = CourseSection.list("courseId in ?1 order by position", idsOf(courses));
        return Batches.alignedGroups(courses, c -> c.id, sections, s -> s.courseId, s -> s);
    }

    public List<List<CourseSession>> sessionsOf(List<Course> courses) {
        List<CourseSession> sessions = CourseSession.list("courseId in ?1 order by position", idsOf(courses));
        return Batches.alignedGroups(courses, c -> c.id, sessions, s -> s.courseId, s -> s);
    }

    /** Sessions of a section and of all its sub-sections, in session order. */
    public List<List<CourseSession>> sessionsOfSections(List<CourseSection> sections) {
        List<Object[]> rows = em.createNativeQuery("""
                WITH RECURSIVE sub(root, id) AS (
                    SELECT s.id, s.id FROM course_section s WHERE s.id = ANY(CAST(:ids AS bigint[]))
                    UNION SELECT sub.root, s.id FROM course_section s JOIN sub ON s.parent_id = sub.id)
                SELECT sub.root, cs.id FROM sub JOIN course_session cs ON cs.section_id = sub.id
                ORDER BY sub.root, cs.position""", Object[].class)
                .setParameter("ids", sections.stream().map(s -> s.id).toArray(Long[]::new))
                .getResultList();
        Map<Long, CourseSession> sessions = Batches.index(CourseSession.list("id in ?1",
                rows.stream().map(r -> ((Number) r[1]).longValue()).distinct().toList()), s -> s.id);
        return Batches.alignedGroups(sections, s -> s.id, rows, r -> ((Number) r[0]).longValue(),
                r -> sessions.get(((Number) r[1]).longValue()));
    }

    public List<CourseSection> sectionOf(List<CourseSession> sessions) {
        List<Long> ids = sessions.stream().map(s -> s.sectionId).filter(id -> id != null).distinct().toList();
        Map<Long, CourseSection> sections = ids.isEmpty() ? Map.of()
                : Batches.index(CourseSection.list("id in ?1", ids), s -> s.id);
        return sessions.stream().map(s -> s.sectionId == null ? null : sections.get(s.sectionId)).toList();
    }

    public List<List<SessionReading>> readingsOf(List<CourseSession> sessions) {
        List<SessionReading> readings = SessionReading.list("sessionId in ?1 order by sessionId, position",
                sessions.stream().map(s -> s.id).toList());
        return Batches.alignedGroups(sessions, s -> s.id, readings, r -> r.sessionId, r -> r);
    }

    /** Course sessions each paper is read in, in course and session order. */
    public List<List<CourseSession>> sessionsOfPapers(List<Paper> papers) {
        List<Object[]> rows = em.createQuery("""
                SELECT r.paperId, s FROM SessionReading r JOIN CourseSession s ON s.id = r.sessionId
                WHERE r.paperId IN :ids ORDER BY s.courseId, s.position""", Object[].class)
                .setParameter("ids", PaperService.ids(papers))
                .getResultList();
        return Batches.alignedGroups(papers, p -> p.id, rows, r -> (Long) r[0], r -> (CourseSession) r[1]);
    }

    /** The papers to read for each session, in reading order. */
    public List<List<Paper>> readingPapersOf(List<CourseSession> sessions) {
        List<List<SessionReading>> readings = readingsOf(sessions);
        Map<Long, Paper> byId = papers.byId(readings.stream().flatMap(List::stream).map(r -> r.paperId).distinct().toList());
        return readings.stream().map(rs -> rs.stream().map(r -> byId.get(r.paperId)).toList()).toList();
    }

    public List<Paper> papersOf(List<SessionReading> readings) {
        return papers.papersFor(readings, x -> x.paperId);
    }

    private static List<Long> idsOf(List<Course> courses) {
        return courses.stream().map(c -> c.id).toList();
    }
}
