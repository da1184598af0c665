package dev.readnext.paper;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.Ids;
import dev.readnext.api.Mutations;

/** The inputs and payloads of the paper mutations that take one input (issue 16: GitHub's convention). */
public final class PaperPayloads {

    private PaperPayloads() {
    }

    @Input("PaperCreateInput")
    @Description("A new paper's fields; its slug is derived from the title")
    public static class PaperCreateInput extends PaperInput {
        @Description(Mutations.CLIENT_MUTATION_ID)
        public String clientMutationId;
    }

    @Description("The result of paperCreate")
    public record PaperCreatePayload(@NonNull @Description("The paper added") Paper paper,
            @Description(Mutations.CLIENT_MUTATION_ID_ECHOED) String clientMutationId) {
    }

    @Description("The result of paperUpdate")
    public record PaperUpdatePayload(@NonNull @Description("The paper as changed, with its new version") Paper paper,
            @Description(Mutations.CLIENT_MUTATION_ID_ECHOED) String clientMutationId) {
    }

    @Input("PaperDeleteInput")
    @Description("The paper to delete")
    public static class PaperDeleteInput {
        @NonNull
        @Id
        @Description(Ids.PAPER_ID)
        public String id;
        @Description(Mutations.CLIENT_MUTATION_ID)
        public String clientMutationId;
    }

    @Description("The result of paperDelete")
    public record PaperDeletePayload(@NonNull @Id @Description("The global id the deleted paper had") String deletedPaperId,
            @Description(Mutations.CLIENT_MUTATION_ID_ECHOED) String clientMutationId) {
    }

    /** What both alias mutations take. */
    public static class PaperAliasFields {
        @NonNull
        @Id
        @Description(Ids.PAPER_ID)
        public String paperId;
        @NonNull
        @Description("The name, e.g. \"RoPE\", at most 500 characters (compared ignoring case and punctuation)")
        public String alias;
        @Description(Mutations.CLIENT_MUTATION_ID)
        public String clientMutationId;
    }

    @Input("PaperAliasAddInput")
    @Description("A paper and another name for it")
    public static class PaperAliasAddInput extends PaperAliasFields {
    }

    @Input("PaperAliasRemoveInput")
    @Description("A paper and the alias to take from it")
    public static class PaperAliasRemoveInput extends PaperAliasFields {
    }

    @Description("The result of paperAliasAdd")
    public record PaperAliasAddPayload(@NonNull @Description("The paper, with its aliases as they are now") Paper paper,
            @Description(Mutations.CLIENT_MUTATION_ID_ECHOED) String clientMutationId) {
    }

    @Description("The result of paperAliasRemove")
    public record PaperAliasRemovePayload(@NonNull @Description("The paper, with its aliases as they are now")
            Paper paper,
            @Description(Mutations.CLIENT_MUTATION_ID_ECHOED) String clientMutationId) {
    }
}
