package dev.readnext.list;

import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.Ids;
import dev.readnext.api.Node;
import dev.readnext.persistence.SluggedEntity;

/** A reading list as imported (an awesome-list, a checkbox dump, a course's readings…). */
@Entity
@Table(name = "reading_list")
@Description("A reading list as imported: an awesome list, a checkbox list, a course's readings…")
public class ReadingList extends SluggedEntity implements Node {

    @NonNull
    @Description("The list's name, as given to importReadingList")
    public String name;

    @NonNull
    @Description("The format the list was parsed from")
    @Enumerated(EnumType.STRING)
    public ListFormat format;

    public static Optional<ReadingList> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
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
