package dev.readnext.paper;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.readnext.api.Found;
import dev.readnext.api.Ids;
import dev.readnext.api.Paging;

@GraphQLApi
@Transactional // see GraphQLSetup: each resolver in its own transaction
public class PaperGraphQL {

    static final String FILTER = "Only papers matching all the given filters; absent: all papers";

    @Inject
    PaperService papers;

    @Inject
    PaperResolver resolver;

    @Query
    @Description("A paper by exactly one of id, slug or arXiv id; an unknown key is a NOT_FOUND error")
    public Paper paper(@Id @Description(Ids.PAPER_ID) String id,
            @Description("The paper's slug") String slug,
            @Description("arXiv id without version, e.g. \"2104.09864\"") String arxivId) {
        Optional<Paper> paper = papers.find(id == null ? null : Ids.paperId("id", id), slug, arxivId);
        return id != null ? Found.orNotFound(paper, "paper", "id", id)
                : slug != null ? Found.orNotFound(paper, "paper", "slug", slug)
                        : Found.orNotFound(paper, "paper", "arXiv id", arxivId);
    }

    @Query
    @NonNull
    @Description("Papers in id order, filtered, with cursor paging: forwards with first/after, backwards with"
            + " last/before (first and last ≤ 100, not both)")
    public PaperConnection papers(@Description(FILTER) PaperFilter filter,
            @DefaultValue("20") @Description("Page size from the start, 0 to 100; ignored when last is given")
            Integer first,
            @Description(Paging.AFTER) String after,
            @Description(Paging.LAST) Integer last,
            @Description(Paging.BEFORE) String before) {
        return papers.page(filter, first, after, last, before);
    }

    @Query
    @NonNull
    @Description("Full-text search over title, TL;DR, abstract and authors, best first, optionally filtered as papers"
            + " are (first ≤ 100)")
    public List<@NonNull SearchHit> search(
            @NonNull @Description("Words to find, 1 to 500 characters, in web-search syntax (\"quoted phrase\", or,"
                    + " -word); repeated words count once and words past the 16th are ignored") String text,
            @Description("Only hits matching all the given filters (the same as papers takes)") PaperFilter filter,
            @DefaultValue("20") @Description("Number of hits, 0 to 100") Integer first) {
        return papers.search(text, filter, first);
    }

    @Query
    @NonNull
    @Description("search as a connection: the best 100 hits at most, a page at a time (first/after, last/before)")
    public SearchHitConnection searchConnection(
            @NonNull @Description("Words to find, as search takes them") String text,
            @Description("Only hits matching all the given filters (the same as papers takes)") PaperFilter filter,
            @Description(Paging.FIRST) Integer first,
            @Description(Paging.AFTER) String after,
            @Description(Paging.LAST) Integer last,
            @Description(Paging.BEFORE) String before) {
        return papers.searchConnection(text, filter, first, after, last, before);
    }

    @Query
    @NonNull
    @Description("What paper does this text mean? An alias or acronym (\"RoPE\"), an arXiv id or URL, or a title")
    public List<@NonNull PaperMatch> resolvePaper(
            @NonNull @Description("Free text naming a paper, 1 to 500 characters: \"RoPE\", \"the YaRN paper\","
                    + " \"2104.09864\", a URL, a title") String text,
            @DefaultValue("5") @Description("Number of matches, 0 to 20; best first") Integer first) {
        return resolver.resolve(text, first);
    }

    @NonNull
    @Description("Other names the paper goes by (\"RoPE\", \"DPO\"), which resolvePaper recognises; empty when none")
    public List<@NonNull List<@NonNull String>> aliases(@Source List<Paper> batch) {
        return papers.aliases(batch);
    }
}
