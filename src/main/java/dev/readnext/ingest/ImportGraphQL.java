package dev.readnext.ingest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.security.Roles;

@GraphQLApi
// The import starts its own transaction (Importer), with a longer timeout than the default 60 s, after parsing
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class ImportGraphQL {

    @Inject
    ReadingListImport imports;

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Description("Imports a reading list (format detected: course schedule, awesome list, checkbox list, heading links,"
            + " markdown links, BibTeX) under this name; all or nothing, and importing the same content again changes"
            + " nothing."
            + " At most 2 MB.")
    public ImportReport importReadingList(
            @NonNull @Description("The list's name; importing under the same name again updates that list")
            String name,
            @NonNull @Description("The list as markdown or BibTeX text, at most 2 MB") String content) {
        return imports.importList(name, content);
    }
}
