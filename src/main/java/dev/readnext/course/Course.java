package dev.readnext.course;

import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.persistence.SluggedEntity;

/** A course with numbered sections and dated sessions (e.g. "llm-901"). */
@Entity
@Table(name = "course")
public class Course extends SluggedEntity {

    @NonNull
    public String title;

    public static Optional<Course> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
