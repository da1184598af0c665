package dev.readnext.list;

import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A reading list as imported (an awesome-list, a checkbox dump, a course's readings…). */
@Entity
@Table(name = "reading_list")
public class ReadingList extends PanacheEntityBase {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Ignore
    public Long id;

    @NonNull
    public String slug;

    @NonNull
    public String name;

    /** the format the list was parsed from (see ingest.ListFormat) */
    @NonNull
    public String format;

    public static Optional<ReadingList> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
