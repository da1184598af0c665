package dev.readnext.course;

import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A course with numbered sections and dated sessions (e.g. "llm-901"). */
@Entity
@Table(name = "course")
public class Course extends PanacheEntityBase {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Ignore
    public Long id;

    @NonNull
    public String slug;

    @NonNull
    public String title;

    public static Optional<Course> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
