package dev.readnext.reader;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.Ids;
import dev.readnext.api.Node;
import dev.readnext.persistence.GeneratedIdEntity;

/**
 * Someone who signed in with a token: created on first use from its {@code sub} (and {@code name}) claims. Rows are
 * inserted by {@link Readers#signedIn} only (an upsert), never through Hibernate.
 */
@Entity
@Table(name = "reader")
@Description("A signed-in reader, known by the sub claim of their token; only ever shown to that reader")
public class Reader extends GeneratedIdEntity implements Node {

    /** The token's sub claim; not part of the API. */
    @Ignore
    public String subject;

    @Description("The name the token gave (its name claim) when the reader first signed in; null when it had none")
    public String name;

    @Ignore
    public Instant created;

    @Override
    @Id
    @NonNull
    @Name("id")
    @Description(Node.ID + " (only the reader themselves can fetch it)")
    public String getNodeId() {
        return Ids.global(Ids.READER, id);
    }
}
