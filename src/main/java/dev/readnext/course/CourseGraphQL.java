package dev.readnext.course;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.panache.common.Sort;

import dev.readnext.api.Found;
import dev.readnext.paper.Paper;

@GraphQLApi
@Transactional // see GraphQLSetup: each resolver in its own transaction
public class CourseGraphQL {

    @Inject
    CourseService courses;

    @Query
    @NonNull
    @Description("All courses, by title")
    public List<@NonNull Course> courses() {
        return Course.listAll(Sort.by("title"));
    }

    @Query
    @Description("A course by slug (the seed course is \"llm-901\"); an unknown slug is a NOT_FOUND error")
    public Course course(@NonNull @Description("The course's slug") String slug) {
        return Found.orNotFound(Course.findBySlug(slug), "course", "slug", slug);
    }

    @NonNull
    @Description("Numbered sections in outline order")
    public List<@NonNull List<@NonNull CourseSection>> sections(@Source List<Course> batch) {
        return courses.sectionsOf(batch);
    }

    @NonNull
    @Description("Sessions in schedule order")
    public List<@NonNull List<@NonNull CourseSession>> sessions(@Source List<Course> batch) {
        return courses.sessionsOf(batch);
    }

    @NonNull
    @Name("sessions")
    @Description("Sessions of this section and its sub-sections, in schedule order")
    public List<@NonNull List<@NonNull CourseSession>> sectionSessions(@Source List<CourseSection> batch) {
        return courses.sessionsOfSections(batch);
    }

    @Description("The innermost section the session belongs to")
    public List<CourseSection> section(@Source List<CourseSession> batch) {
        return courses.sectionOf(batch);
    }

    @NonNull
    @Description("Papers to read for the session, in order")
    public List<@NonNull List<@NonNull Paper>> readings(@Source List<CourseSession> batch) {
        return courses.readingPapersOf(batch);
    }

    @NonNull
    @Description("Readings with their order and optional flag")
    public List<@NonNull List<@NonNull SessionReading>> readingItems(@Source List<CourseSession> batch) {
        return courses.readingsOf(batch);
    }

    @NonNull
    @Description("The paper to read")
    public List<@NonNull Paper> paper(@Source List<SessionReading> batch) {
        return courses.papersOf(batch);
    }

    @NonNull
    @Name("sessions")
    @Description("The course sessions this paper is a reading of")
    public List<@NonNull List<@NonNull CourseSession>> sessionsOfPapers(@Source List<Paper> batch) {
        return courses.sessionsOfPapers(batch);
    }
}
