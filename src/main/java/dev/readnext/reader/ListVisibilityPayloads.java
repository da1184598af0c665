package dev.readnext.reader;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.api.Mutations;
import dev.readnext.list.ListVisibility;
import dev.readnext.list.ReadingList;

/** The input and payload of readingListVisibilityUpdate. */
public final class ListVisibilityPayloads {

    private ListVisibilityPayloads() {
    }

    @Input("ReadingListVisibilityUpdateInput")
    @Description("One of the signed-in reader's own reading lists, and who may see it")
    public static class ReadingListVisibilityUpdateInput {
        @NonNull
        @Id
        @Description("The list's id (ReadingList.id); NOT_FOUND unless it is one of the caller's own lists")
        public String listId;
        @NonNull
        @Description("PRIVATE: only the reader; PUBLIC: anyone with the list's id")
        public ListVisibility visibility;
        @Description(Mutations.CLIENT_MUTATION_ID)
        public String clientMutationId;
    }

    @Description("The result of readingListVisibilityUpdate")
    public record ReadingListVisibilityUpdatePayload(@NonNull @Description("The list, as it is now")
            ReadingList readingList,
            @Description(Mutations.CLIENT_MUTATION_ID_ECHOED) String clientMutationId) {
    }
}
