package dev.readnext.ingest.arxiv;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.security.Roles;

@GraphQLApi
@Transactional(Transactional.TxType.NOT_SUPPORTED) // ArxivImport runs its own JDBC transaction
public class ArxivImportGraphQL {

    @Inject
    ArxivImport imports;

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Description("Imports arXiv metadata, one JSON object per line (id, title, abstract, authors, categories), as the"
            + " import-arxiv command does for large files: papers are created or merged by arXiv id, categories become"
            + " topics, malformed lines are reported and skipped; all or nothing, and the same content again changes"
            + " nothing. Limited by the 4 MiB request body.")
    public BulkImportReport importArxivMetadata(
            @NonNull @Description("JSON Lines in the arXiv metadata snapshot's format, one paper per line") String content) {
        return imports.importContent(content);
    }
}
