package dev.readnext.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.persistence.GeneratedIdEntity;

/** A numbered section of a course ("1-1-1 Architecture"), possibly inside another one. */
@Entity
@Table(name = "course_section")
@Description("A numbered section of a course's outline (\"1-1-1 Architecture\"), possibly inside another one")
public class CourseSection extends GeneratedIdEntity {

    @Ignore
    @Column(name = "course_id")
    public Long courseId;

    @NonNull
    @Description("Section number as in the course outline, e.g. \"1-1-1\"")
    public String number;

    @NonNull
    @Description("The section's title, without its number")
    public String title;

    @Ignore
    @Column(name = "parent_id")
    public Long parentId;

    @Description("Order of the section in the course outline")
    public int position;

    @Ignore
    @Column(name = "topic_id")
    public Long topicId;
}
