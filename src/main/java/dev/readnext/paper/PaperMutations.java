package dev.readnext.paper;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.Ids;
import dev.readnext.security.Roles;

@GraphQLApi
@Transactional // see GraphQLSetup: each resolver in its own transaction
@RolesAllowed(Roles.EDITOR)
public class PaperMutations {

    @Inject
    PaperEditor editor;

    @Mutation
    @NonNull
    public Paper createPaper(@NonNull PaperInput input) {
        return editor.create(input);
    }

    @Mutation
    @NonNull
    @Description("Replaces the paper's fields; version must be the paper's current version (else CONFLICT)")
    public Paper updatePaper(@NonNull @Id String id, @NonNull Integer version, @NonNull PaperInput input) {
        return editor.update(Ids.parse("id", id), version, input);
    }

    @Mutation
    @NonNull
    @Description("Deletes the paper with its aliases and every list, course, topic and path membership")
    public Boolean deletePaper(@NonNull @Id String id) {
        return editor.delete(Ids.parse("id", id));
    }

    @Mutation
    @NonNull
    public Paper addAlias(@NonNull @Id String paperId, @NonNull String alias) {
        return editor.addAlias(Ids.parse("paperId", paperId), alias);
    }

    @Mutation
    @NonNull
    public Paper removeAlias(@NonNull @Id String paperId, @NonNull String alias) {
        return editor.removeAlias(Ids.parse("paperId", paperId), alias);
    }
}
