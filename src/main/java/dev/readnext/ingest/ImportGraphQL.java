package dev.readnext.ingest;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import io.quarkus.security.Authenticated;

import dev.readnext.api.ApiException;
import dev.readnext.paper.ReadStatus;
import dev.readnext.security.Caller;

@GraphQLApi
// The import starts its own transaction (Importer), with a longer timeout than the default 60 s, after parsing
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class ImportGraphQL {

    @Inject
    ReadingListImport imports;

    @Inject
    Caller caller;

    @Inject
    ReadStatus readStatus;

    @Mutation
    @NonNull
    @Authenticated
    @Description("Imports a reading list (format detected: course schedule, awesome list, checkbox list, heading links,"
            + " markdown links, BibTeX) under this name; all or nothing, and importing the same content again changes nothing."
            + " At most 2 MB. An editor imports into the catalogue (its headings become topics, a schedule a course,"
            + " its checkboxes the catalogue owner's read status); any other signed-in reader into their own lists,"
            + " private to them (Reader.readingLists; its checkboxes mark the papers read for them), and the catalogue"
            + " gains the papers. UNAUTHENTICATED without a token that names a reader")
    public ImportReport importReadingList(
            @NonNull @Description("The list's name; importing under the same name again makes that list equal to the"
                    + " content") String name,
            @NonNull @Description("The list as markdown or BibTeX text, at most 2 MB") String content) {
        Long owner = null;
        if (!caller.isEditor()) {
            Caller.Claims reader = caller.claims().orElseThrow(() -> ApiException.unauthenticated(
                    "importReadingList needs a valid bearer token that names the reader (its sub claim)"));
            owner = readStatus.readerId(reader.subject(), reader.name());
        }
        return imports.importList(name, content, owner);
    }
}
