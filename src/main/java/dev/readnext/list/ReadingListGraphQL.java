package dev.readnext.list;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.panache.common.Sort;
import io.smallrye.graphql.api.Deprecated;

import dev.readnext.api.ApiException;
import dev.readnext.api.Found;
import dev.readnext.api.Ids;
import dev.readnext.api.Mutations;
import dev.readnext.api.Page;
import dev.readnext.api.Paging;
import dev.readnext.security.Roles;
import dev.readnext.list.ReadStatusPayloads.ReadStatusUpdateInput;
import dev.readnext.list.ReadStatusPayloads.ReadStatusUpdatePayload;
import dev.readnext.paper.Paper;

@GraphQLApi
@Transactional // see GraphQLSetup: each resolver in its own transaction
public class ReadingListGraphQL {

    @Inject
    ReadingListService lists;

    @Inject
    ReadStatusEditor readStatus;

    @Mutation
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Description("Ticks or unticks a paper's checkbox in one of the catalogue's reading lists (editors): the paper is"
            + " then read or unread for the lists' owner (readnext.seed.owner), in every catalogue list that has it")
    public ReadStatusUpdatePayload readStatusUpdate(@NonNull @Description("The list, the paper and its status")
            ReadStatusUpdateInput input) {
        return new ReadStatusUpdatePayload(setReadStatus(input.list, input.paperId, input.read),
                input.clientMutationId);
    }

    @Mutation("setReadStatus") // named explicitly: SmallRye would drop a "set" prefix
    @NonNull
    @RolesAllowed(Roles.EDITOR)
    @Deprecated(reason = "Use readStatusUpdate" + Mutations.PAYLOAD)
    @Description("Ticks or unticks a paper's checkbox in one of the catalogue's reading lists (see readStatusUpdate)")
    public ReadingListEntry setReadStatus(@NonNull @Description("The reading list's slug") String list,
            @NonNull @Id @Description(Ids.PAPER_ID + "; NOT_FOUND if the paper is not in the list") String paperId,
            @NonNull @Description("True for read, false for unread") Boolean read) {
        ReadingList readingList = readingList(list);
        return readStatus.setRead(readingList, Ids.paperId("paperId", paperId), read).orElseThrow(
                () -> ApiException.notFound("paper " + paperId + " is not in reading list " + list));
    }

    @Query
    @NonNull
    @Description("All reading lists of the catalogue (no reader's own lists: see Reader.readingLists), by name")
    public List<@NonNull ReadingList> readingLists() {
        return ReadingList.catalogue(Sort.by("name"));
    }

    @Query
    @NonNull
    @Description("readingLists as a connection, by name, a page at a time (first/after, last/before)")
    public ReadingListConnection readingListsConnection(@Description(Paging.FIRST) Integer first,
            @Description(Paging.AFTER) String after,
            @Description(Paging.LAST) Integer last,
            @Description(Paging.BEFORE) String before) {
        return ReadingListConnection.of(Page.of(readingLists(), first, after, last, before));
    }

    @Query
    @Description("A reading list by slug; an unknown slug is a NOT_FOUND error")
    public ReadingList readingList(@NonNull @Description("The list's slug") String slug) {
        return Found.orNotFound(ReadingList.findBySlug(slug), "reading list", "slug", slug);
    }

    @NonNull
    @Description("The list's entries in list order")
    public List<@NonNull List<@NonNull ReadingListEntry>> entries(@Source List<ReadingList> batch) {
        return lists.entriesOfLists(batch);
    }

    @NonNull
    @Description("entries as a connection, in list order, a page at a time (first/after, last/before)")
    public List<@NonNull ReadingListEntryConnection> entriesConnection(@Source List<ReadingList> batch,
            @Description(Paging.FIRST) Integer first,
            @Description(Paging.AFTER) String after,
            @Description(Paging.LAST) Integer last,
            @Description(Paging.BEFORE) String before) {
        return lists.entriesOfLists(batch).stream()
                .map(entries -> ReadingListEntryConnection.of(Page.of(entries, first, after, last, before))).toList();
    }

    @NonNull
    @Description("Whether the paper is marked read in this list: its owner's read status of the paper (the catalogue's"
            + " lists belong to one designated reader, readnext.seed.owner); the same in every list of that owner")
    public List<@NonNull Boolean> read(@Source List<ReadingListEntry> batch) {
        return lists.readOf(batch);
    }

    @NonNull
    @Description("The reading list of this entry")
    public List<@NonNull ReadingList> list(@Source List<ReadingListEntry> batch) {
        return lists.listsOf(batch);
    }

    @NonNull
    @Description("The paper this entry points at")
    public List<@NonNull Paper> paper(@Source List<ReadingListEntry> batch) {
        return lists.papersOf(batch);
    }

    @NonNull
    @Name("lists")
    @Description("The reading lists this paper is in, with its read status there")
    public List<@NonNull List<@NonNull ReadingListEntry>> entriesOfPapers(@Source List<Paper> batch) {
        return lists.entriesOfPapers(batch);
    }
}
