package dev.readnext.list;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.Ids;
import dev.readnext.api.Mutations;

/** The input and payload of readStatusUpdate (issue 16: GitHub's convention). */
public final class ReadStatusPayloads {

    private ReadStatusPayloads() {
    }

    @Input("ReadStatusUpdateInput")
    @Description("A paper of a reading list, and whether it is read there")
    public static class ReadStatusUpdateInput {
        @NonNull
        @Description("The reading list's slug")
        public String list;
        @NonNull
        @Id
        @Description(Ids.PAPER_ID + "; NOT_FOUND if the paper is not in the list")
        public String paperId;
        @NonNull
        @Description("True for read, false for unread")
        public Boolean read;
        @Description(Mutations.CLIENT_MUTATION_ID)
        public String clientMutationId;
    }

    @Description("The result of readStatusUpdate")
    public record ReadStatusUpdatePayload(@NonNull @Description("The list's entry for the paper, as it is now")
            ReadingListEntry entry,
            @Description(Mutations.CLIENT_MUTATION_ID_ECHOED) String clientMutationId) {
    }
}
