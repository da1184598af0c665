package dev.readnext.topic;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A node of the topic tree (from list section headings and course sections). */
@Entity
@Table(name = "topic")
public class Topic extends PanacheEntityBase {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Ignore
    public Long id;

    @NonNull
    public String slug;

    @NonNull
    public String name;

    @Ignore
    @Column(name = "parent_id")
    public Long parentId;

    public static Optional<Topic> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
