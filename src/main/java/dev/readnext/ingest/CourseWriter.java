package dev.readnext.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.Set;
import java.util.function.Function;

import dev.readnext.course.Course;
import dev.readnext.course.CourseSection;
import dev.readnext.course.CourseSession;
import dev.readnext.course.SessionReading;
import dev.readnext.paper.Paper;
import dev.readnext.topic.Topic;
import dev.readnext.ingest.parse.ParsedCourse;
import dev.readnext.ingest.parse.ParsedResource;

/**
 * Makes a course's outline, sessions and readings in the database equal to the parsed schedule.
 * Sections are matched by number, sessions by position, readings by paper; each section also becomes a topic.
 */
final class CourseWriter {

    private final TopicWriter topics;

    CourseWriter(TopicWriter topics) {
        this.topics = topics;
    }

    /** @return ids of papers whose course membership was created or changed */
    Set<Long> write(ParsedCourse parsed, Function<ParsedResource, Paper> paperOf) {
        Course course = Course.findBySlug(parsed.slug()).orElseGet(Course::new);
        course.slug = parsed.slug();
        course.title = parsed.title();
        course.persist();
        Map<String, CourseSection> sections = writeSections(course, parsed.sections());
        List<CourseSession> sessions = CourseSession.list("courseId = ?1 order by position", course.id);
        Set<Long> changed = new HashSet<>();
        for (int i = 0; i < parsed.sessions().size(); i++) {
            ParsedCourse.Session p = parsed.sessions().get(i);
            CourseSession session = i < sessions.size() ? sessions.get(i) : new CourseSession();
            session.courseId = course.id;
            session.position = i + 1;
            session.label = p.label();
            session.date = p.date();
            session.title = p.title();
            CourseSection section = p.sectionNumber() == null ? null : sections.get(p.sectionNumber());
            session.sectionId = section == null ? null : section.id;
            session.persist();
            changed.addAll(writeReadings(session, p.readings(), paperOf));
        }
        for (CourseSession gone : sessions.subList(Math.min(parsed.sessions().size(), sessions.size()), sessions.size())) {
            SessionReading.<SessionReading>list("sessionId", gone.id).forEach(r -> changed.add(r.paperId));
            gone.delete();
        }
        return changed;
    }

    private Map<String, CourseSection> writeSections(Course course, List<ParsedCourse.Section> parsedSections) {
        Map<String, CourseSection> existing = new HashMap<>();
        CourseSection.<CourseSection>list("courseId", course.id).forEach(s -> existing.put(s.number, s));
        Map<String, CourseSection> byNumber = new LinkedHashMap<>();
        Map<String, List<String>> titlePaths = new HashMap<>();
        for (int i = 0; i < parsedSections.size(); i++) {
            ParsedCourse.Section p = parsedSections.get(i);
            CourseSection section = existing.getOrDefault(p.number(), new CourseSection());
            CourseSection parent = p.parentNumber() == null ? null : byNumber.get(p.parentNumber());
            List<String> titlePath = new ArrayList<>(p.parentNumber() == null ? List.of()
                    : titlePaths.getOrDefault(p.parentNumber(), List.of()));
            titlePath.add(p.title());
            titlePaths.put(p.number(), titlePath);
            Topic topic = topics.ensure(titlePath);
            section.courseId = course.id;
            section.number = p.number();
            section.title = p.title();
            section.position = i + 1;
            section.parentId = parent == null ? null : parent.id;
            section.topicId = topic == null ? null : topic.id;
            section.persist();
            byNumber.put(p.number(), section);
        }
        existing.keySet().removeAll(byNumber.keySet());
        existing.values().forEach(CourseSection::delete);
        return byNumber;
    }

    private static Set<Long> writeReadings(CourseSession session, List<ParsedCourse.Reading> parsedReadings,
            Function<ParsedResource, Paper> paperOf) {
        Map<Long, SessionReading> existing = new HashMap<>();
        SessionReading.<SessionReading>list("sessionId", session.id).forEach(r -> existing.put(r.paperId, r));
        Set<Long> changed = new HashSet<>();
        Map<Long, SessionReading> kept = new LinkedHashMap<>();
        for (ParsedCourse.Reading p : parsedReadings) {
            long paperId = paperOf.apply(p.resource()).id;
            if (kept.containsKey(paperId)) {
                continue;
            }
            SessionReading reading = existing.get(paperId);
            if (reading == null) {
                reading = new SessionReading();
                reading.sessionId = session.id;
                reading.paperId = paperId;
            }
            int position = kept.size() + 1;
            if (reading.position != position || reading.optional != p.optional()) {
                reading.position = position;
                reading.optional = p.optional();
                changed.add(paperId);
            }
            reading.persist();
            kept.put(paperId, reading);
        }
        existing.keySet().removeAll(kept.keySet());
        existing.values().forEach(r -> {
            changed.add(r.paperId);
            r.delete();
        });
        return changed;
    }

}
