package dev.readnext.path;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.Ids;
import dev.readnext.api.Node;
import dev.readnext.persistence.SluggedEntity;

/** An ordered sequence of papers to read; generated from a course section or made by an editor. */
@Entity
@Table(name = "learning_path")
@Description("Papers to read in order: generated from a course section, or made by an editor")
public class LearningPath extends SluggedEntity implements Node {

    @NonNull
    @Description("The path's title")
    public String title;

    @Description("What the path covers, in a few sentences; null when none was given")
    public String description;

    @Ignore
    @Column(name = "topic_id")
    public Long topicId;

    @Ignore
    @Column(name = "course_section_id")
    public Long courseSectionId;

    @Version
    @Description("Optimistic-locking version; pass it back when changing the path")
    public int version;

    @Description("True when the path was generated from a course's session order")
    public boolean isGenerated() {
        return courseSectionId != null;
    }

    public static Optional<LearningPath> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    @Override
    @Id
    @NonNull
    @Name("id")
    @Description(Node.ID)
    public String getNodeId() {
        return Ids.global(Ids.LEARNING_PATH, id);
    }
}
