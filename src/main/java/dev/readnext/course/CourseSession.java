package dev.readnext.course;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.Ids;
import dev.readnext.api.Node;
import dev.readnext.persistence.GeneratedIdEntity;

/** A dated session of a course ("Week 2-1, 2025-09-15: Positional Encodings and Long Context"). */
@Entity
@Table(name = "course_session")
@Description("A session of a course's schedule, with the papers to read for it")
public class CourseSession extends GeneratedIdEntity implements Node {

    @Ignore
    @Column(name = "course_id")
    public Long courseId;

    @Ignore
    @Column(name = "section_id")
    public Long sectionId;

    @Description("1-based order of the session in its course")
    public int position;

    @NonNull
    @Description("e.g. \"Week 2-1\", or the date as written for sessions without a week number")
    public String label;

    @Description("The day of the session; null when the schedule gives none")
    public LocalDate date;

    @NonNull
    @Description("The session's subject, e.g. \"Positional Encodings and Long Context\"")
    public String title;

    @Override
    @Id
    @NonNull
    @Name("id")
    @Description(Node.ID)
    public String getNodeId() {
        return Ids.global(Ids.COURSE_SESSION, id);
    }
}
