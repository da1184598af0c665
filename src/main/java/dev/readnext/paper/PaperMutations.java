package dev.readnext.paper;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.Deprecated;

import dev.readnext.api.ApiException;
import dev.readnext.api.Found;
import dev.readnext.api.Ids;
import dev.readnext.api.Mutations;
import dev.readnext.paper.PaperPayloads.PaperAliasAddInput;
import dev.readnext.paper.PaperPayloads.PaperAliasAddPayload;
import dev.readnext.paper.PaperPayloads.PaperAliasRemoveInput;
import dev.readnext.paper.PaperPayloads.PaperAliasRemovePayload;
import dev.readnext.paper.PaperPayloads.PaperCreateInput;
import dev.readnext.paper.PaperPayloads.PaperCreatePayload;
import dev.readnext.paper.PaperPayloads.PaperDeleteInput;
import dev.readnext.paper.PaperPayloads.PaperDeletePayload;
import dev.readnext.paper.PaperPayloads.PaperUpdatePayload;
import dev.readnext.security.Roles;

@GraphQLApi
@Transactional // see GraphQLSetup: each resolver in its own transaction
@RolesAllowed(Roles.EDITOR)
public class PaperMutations {

    @Inject
    PaperEditor editor;

    @Inject
    PaperService papers;

    @Mutation
    @NonNull
    @Description("Adds a paper; its slug is derived from the title")
    public PaperCreatePayload paperCreate(@NonNull @Description("The paper's fields") PaperCreateInput input) {
        return new PaperCreatePayload(editor.create(input), input.clientMutationId);
    }

    @Mutation
    @NonNull
    @Description("Changes the fields given and keeps the others; version must be the paper's current version (else"
            + " CONFLICT)")
    public PaperUpdatePayload paperUpdate(@NonNull @Description("The paper, its version and the changes")
            PaperUpdateInput input) {
        return new PaperUpdatePayload(editor.patch(paper("id", input.id), input), input.clientMutationId);
    }

    @Mutation
    @NonNull
    @Description("Deletes the paper with its aliases and every list, course, topic and path membership")
    public PaperDeletePayload paperDelete(@NonNull @Description("The paper to delete") PaperDeleteInput input) {
        Paper paper = paper("id", input.id);
        String deletedId = paper.getNodeId();
        editor.delete(paper);
        return new PaperDeletePayload(deletedId, input.clientMutationId);
    }

    @Mutation
    @NonNull
    @Description("Adds another name for the paper, which resolvePaper will recognise; an alias of another paper is a"
            + " CONFLICT, one the paper has already changes nothing")
    public PaperAliasAddPayload paperAliasAdd(@NonNull @Description("The paper and the name")
            PaperAliasAddInput input) {
        return new PaperAliasAddPayload(editor.addAlias(paper("paperId", input.paperId), input.alias),
                input.clientMutationId);
    }

    @Mutation
    @NonNull
    @Description("Removes one of the paper's aliases (compared ignoring case and punctuation); NOT_FOUND if it has"
            + " no such alias")
    public PaperAliasRemovePayload paperAliasRemove(@NonNull @Description("The paper and the alias")
            PaperAliasRemoveInput input) {
        return new PaperAliasRemovePayload(withoutAlias(input.paperId, input.alias), input.clientMutationId);
    }

    @Mutation
    @NonNull
    @Deprecated(reason = "Use paperCreate" + Mutations.PAYLOAD)
    @Description("Adds a paper; its slug is derived from the title")
    public Paper createPaper(@NonNull @Description("The paper's fields") PaperInput input) {
        return editor.create(input);
    }

    @Mutation
    @NonNull
    @Deprecated(reason = "Use paperUpdate" + Mutations.PAYLOAD)
    @Description("Replaces the paper's fields; version must be the paper's current version (else CONFLICT)")
    public Paper updatePaper(@NonNull @Id @Description(Ids.PAPER_ID) String id,
            @NonNull @Description("The version read with the paper (Paper.version)") Integer version,
            @NonNull @Description("The paper's new fields, all of them") PaperInput input) {
        return editor.update(paper("id", id), version, input);
    }

    @Mutation
    @NonNull
    @Deprecated(reason = "Use paperDelete" + Mutations.PAYLOAD)
    @Description("Deletes the paper with its aliases and every list, course, topic and path membership")
    public Boolean deletePaper(@NonNull @Id @Description(Ids.PAPER_ID) String id) {
        editor.delete(paper("id", id));
        return true;
    }

    @Mutation
    @NonNull
    @Deprecated(reason = "Use paperAliasAdd" + Mutations.PAYLOAD)
    @Description("Adds another name for the paper, which resolvePaper will recognise; an alias of another paper is a"
            + " CONFLICT, one the paper has already changes nothing")
    public Paper addAlias(@NonNull @Id @Description(Ids.PAPER_ID) String paperId,
            @NonNull @Description("The name, e.g. \"RoPE\", at most 500 characters") String alias) {
        return editor.addAlias(paper("paperId", paperId), alias);
    }

    @Mutation
    @NonNull
    @Deprecated(reason = "Use paperAliasRemove" + Mutations.PAYLOAD)
    @Description("Removes one of the paper's aliases (compared ignoring case and punctuation); NOT_FOUND if it has"
            + " no such alias")
    public Paper removeAlias(@NonNull @Id @Description(Ids.PAPER_ID) String paperId,
            @NonNull @Description("The alias to remove") String alias) {
        return withoutAlias(paperId, alias);
    }

    private Paper withoutAlias(String paperId, String alias) {
        Paper paper = paper("paperId", paperId);
        if (!editor.removeAlias(paper, alias)) {
            throw ApiException.notFound("paper " + paperId + " has no alias \"" + alias + "\"");
        }
        return paper;
    }

    private Paper paper(String field, String id) {
        return Found.orNotFound(papers.byId(Ids.paperId(field, id)), "paper", "id", id);
    }
}
