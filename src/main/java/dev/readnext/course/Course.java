package dev.readnext.course;

import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.Ids;
import dev.readnext.api.Node;
import dev.readnext.persistence.SluggedEntity;

/** A course with numbered sections and dated sessions (e.g. "llm-901"). */
@Entity
@Table(name = "course")
@Description("A course: numbered sections and a schedule of dated sessions with readings")
public class Course extends SluggedEntity implements Node {

    @NonNull
    @Description("The course's title")
    public String title;

    public static Optional<Course> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    @Override
    @Id
    @NonNull
    @Name("id")
    @Description(Node.ID)
    public String getNodeId() {
        return Ids.global(Ids.COURSE, id);
    }
}
