package dev.readnext.topic;

import java.util.Optional;

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
import dev.readnext.persistence.SluggedEntity;

/** A node of the topic tree (from list section headings and course sections). */
@Entity
@Table(name = "topic")
@Description("A subject papers are tagged with (\"Mixture of Experts\"), possibly inside a broader one")
public class Topic extends SluggedEntity implements Node {

    @NonNull
    @Description("The topic's name, e.g. \"Mixture of Experts\"")
    public String name;

    @Ignore
    @Column(name = "parent_id")
    public Long parentId;

    public static Optional<Topic> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    @Override
    @Id
    @NonNull
    @Name("id")
    @Description(Node.ID)
    public String getNodeId() {
        return Ids.global(Ids.TOPIC, id);
    }
}
