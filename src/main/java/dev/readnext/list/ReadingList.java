package dev.readnext.list;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.quarkus.panache.common.Sort;

import dev.readnext.api.Ids;
import dev.readnext.api.Node;
import dev.readnext.persistence.SluggedEntity;

/**
 * A reading list as imported (an awesome-list, a checkbox dump, a course's readings…), or a reader's own list
 * ({@link #ownerId}), which only that reader sees unless they make it public.
 */
@Entity
@Table(name = "reading_list")
@Description("A reading list as imported (an awesome list, a checkbox list, a course's readings…), or a reader's"
        + " own list (saveToList, importReadingList by a reader), which only that reader sees unless made PUBLIC")
public class ReadingList extends SluggedEntity implements Node {

    @NonNull
    @Description("The list's name, as given to importReadingList")
    public String name;

    @NonNull
    @Description("The format the list was parsed from")
    @Enumerated(EnumType.STRING)
    public ListFormat format;

    /** The reader whose list this is (saveToList, importReadingList by a reader); null for the catalogue's lists. */
    @Ignore
    @Column(name = "owner_id")
    public Long ownerId;

    @NonNull
    @Description("Who may see the list: PRIVATE (only its owner) or PUBLIC; the catalogue's lists are public")
    @Enumerated(EnumType.STRING)
    public ListVisibility visibility = ListVisibility.PUBLIC;

    /** A catalogue list (never a reader's) by slug. */
    public static Optional<ReadingList> findBySlug(String slug) {
        return find("slug = ?1 and ownerId is null", slug).firstResultOptional();
    }

    /** A reader's own list by slug, or with no owner a catalogue list. */
    public static Optional<ReadingList> find(Long ownerId, String slug) {
        return ownerId == null ? findBySlug(slug) : find("slug = ?1 and ownerId = ?2", slug, ownerId)
                .firstResultOptional();
    }

    /** Whether a caller who is reader {@code viewerId} (null: anonymous) may see this list. */
    public boolean visibleTo(Long viewerId) {
        return visibility == ListVisibility.PUBLIC || ownerId != null && ownerId.equals(viewerId);
    }

    /** The catalogue's lists (no reader's), sorted. */
    public static List<ReadingList> catalogue(Sort sort) {
        return list("ownerId is null", sort);
    }

    /** A reader's own lists, by name. */
    public static List<ReadingList> ownedBy(long readerId) {
        return list("ownerId = ?1", Sort.by("name"), readerId);
    }

    @Override
    @Id
    @NonNull
    @Name("id")
    @Description(Node.ID)
    public String getNodeId() {
        return Ids.global(Ids.READING_LIST, id);
    }
}
