package dev.readnext.reader;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.readnext.api.Found;
import dev.readnext.api.Ids;
import dev.readnext.api.Paging;
import dev.readnext.list.ReadingList;
import dev.readnext.list.ReadingListEntry;
import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperConnection;
import dev.readnext.paper.PaperService;
import dev.readnext.reader.ListVisibilityPayloads.ReadingListVisibilityUpdateInput;
import dev.readnext.reader.ListVisibilityPayloads.ReadingListVisibilityUpdatePayload;
import dev.readnext.recommend.Recommendation;

@GraphQLApi
@Transactional // see GraphQLSetup: each resolver in its own transaction
public class ReaderGraphQL {

    @Inject
    Readers readers;

    @Inject
    ReaderLists lists;

    @Inject
    PaperService papers;

    @Inject
    Feed feeds;

    @Inject
    LibraryExport exports;

    @Query
    @Description("The signed-in reader: the one the bearer token's sub claim names (any valid token, no role needed),"
            + " created on first use; null when anonymous")
    public Reader me() {
        return readers.signedIn().orElse(null);
    }

    /** Only ever asked of the caller: Reader objects come from me and node(id:), which answer the caller alone. */
    @NonNull
    @Description("The papers this reader has marked read, most recently read first, a page at a time (first/after)")
    public PaperConnection read(@Source Reader reader,
            @Description("Number of papers, 0 to 100; absent: 20") Integer first,
            @Description(Paging.AFTER) String after) {
        return readers.reads(reader, first, after);
    }

    @NonNull
    @Description("This reader's own reading lists (saveToList makes them), private to the reader, by name")
    public List<@NonNull ReadingList> readingLists(@Source Reader reader) {
        return lists.of(reader);
    }

    /** Only ever asked of the caller, as read is: me is the one way to a Reader. */
    @NonNull
    @Description("For you: papers recommended from this reader's history (the papers they marked read, recent reads"
            + " weighing most, and the papers saved to their own lists), best first, never one they have read or"
            + " saved; varied (MMR: no near-duplicates), each naming in because the reader's papers it follows from."
            + " Empty, not an error, while the reader has read and saved nothing: mark papers read (markRead) or save"
            + " them (saveToList) to get a feed")
    public List<@NonNull Recommendation> feed(@Source Reader reader,
            @DefaultValue("10") @Description("Number of recommendations, 1 to 50 (otherwise BAD_USER_INPUT)")
            Integer first) {
        return feeds.of(reader, first);
    }

    /** Only ever asked of the caller, as read is: me is the one way to a Reader. */
    @NonNull
    @Description("This reader's library as a bibliography file for reference managers and LaTeX: the papers in their"
            + " own lists and those they marked read, each once (or one of their lists, in its order), with stable"
            + " citation keys such as vaswani2017attention. A BibTeX export imports back (importReadingList) to the"
            + " same papers. At most " + LibraryExport.MAX_PAPERS + " papers: a larger library is BAD_USER_INPUT,"
            + " export it a list at a time")
    public String export(@Source Reader reader,
            @NonNull @Description("The file format: BIBTEX or CSL_JSON") LibraryFormat format,
            @Description("The name of one of this reader's own lists to export alone (case and punctuation aside, as"
                    + " saveToList names them; another name is NOT_FOUND); absent: the whole library") String list) {
        return exports.export(reader, format, list);
    }

    @Description("Whether the signed-in reader has marked this paper read (markRead); null when anonymous")
    public List<Boolean> readByMe(@Source List<Paper> batch) {
        return readers.readByCaller(batch);
    }

    @Mutation
    @NonNull
    @Description("Marks a paper read, or unread with read: false, for the signed-in reader alone (any valid token;"
            + " UNAUTHENTICATED without one). Marking it again changes nothing and keeps when it was first read; an"
            + " unknown paper is NOT_FOUND")
    public Paper markRead(@NonNull @Id @Description(Ids.PAPER_ID) String paperId,
            @DefaultValue("true") @Description("True (the default) to mark the paper read, false to mark it unread")
            Boolean read) {
        Reader reader = readers.required("markRead");
        Paper paper = paper(paperId);
        readers.mark(reader, paper.id, !Boolean.FALSE.equals(read));
        return paper;
    }

    @Mutation
    @NonNull
    @Description("Adds a paper to one of the signed-in reader's own reading lists, private to the reader, creating the"
            + " list on first use (any valid token; UNAUTHENTICATED without one). A paper already in the list keeps its"
            + " place; an unknown paper is NOT_FOUND")
    public ReadingListEntry saveToList(@NonNull @Id @Description(Ids.PAPER_ID) String paperId,
            @NonNull @Description("The list's name, 1 to 300 characters; names differing only in case and punctuation"
                    + " name the same list") String list) {
        Reader reader = readers.required("saveToList");
        return lists.save(reader, paper(paperId), list);
    }

    @Mutation
    @NonNull
    @Description("Makes one of the signed-in reader's own lists PUBLIC (anyone with its id sees its name, entries and"
            + " their checkboxes: the reader's read status of those papers) or PRIVATE again (any valid token;"
            + " UNAUTHENTICATED without one); any other list is NOT_FOUND")
    public ReadingListVisibilityUpdatePayload readingListVisibilityUpdate(
            @NonNull @Description("The list and who may see it") ReadingListVisibilityUpdateInput input) {
        Reader reader = readers.required("readingListVisibilityUpdate");
        return new ReadingListVisibilityUpdatePayload(lists.setVisibility(reader, input.listId, input.visibility),
                input.clientMutationId);
    }

    private Paper paper(String paperId) {
        return Found.orNotFound(papers.byId(Ids.paperId("paperId", paperId)), "paper", "id", paperId);
    }
}
