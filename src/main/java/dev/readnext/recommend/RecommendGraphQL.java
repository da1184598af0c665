package dev.readnext.recommend;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.smallrye.graphql.api.Context;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.readnext.api.Found;
import dev.readnext.api.Ids;
import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperService;

@GraphQLApi
@Transactional // see GraphQLSetup: each resolver in its own transaction
public class RecommendGraphQL {

    private static final String FIRST = "Number of recommendations, 0 to 50";
    static final String EXCLUDE_READ = "Leave out the papers read: by the signed-in reader (markRead), or when"
            + " anonymous by the catalogue's owner (the papers ticked in the catalogue's reading lists)";

    @Inject
    Recommender recommender;

    @Inject
    WhatNext whatNext;

    @Inject
    PaperService papers;

    @Inject
    Context context;

    @Query
    @NonNull
    @Description("Papers to read after this one, best first, with reasons and shared terms (first ≤ 50)")
    public List<@NonNull Recommendation> relatedPapers(@NonNull @Id @Description(Ids.PAPER_ID) String paperId,
            @DefaultValue("10") @Description(FIRST) Integer first,
            @DefaultValue("false") @Description(EXCLUDE_READ) boolean excludeRead) {
        long id = Ids.paperId("paperId", paperId);
        List<Recommendation> recommendations = recommender.after(Recommender.Field.RELATED_PAPERS, List.of(id), first,
                excludeRead, SelectedColumns.of(context)).get(0);
        if (recommendations.isEmpty()) {
            // NOT_FOUND for an unknown paper; a known one may have nothing to recommend
            Found.orNotFound(papers.byId(id), "paper", "id", paperId);
        }
        return recommendations;
    }

    @Query
    @NonNull
    @Description("What to read after a paper given as free text (\"RoPE\", an arXiv id or URL, a title), resolved as"
            + " resolvePaper does; text that names no paper confidently (\"speculative decoding\") is answered with"
            + " papers about it (first ≤ 50)")
    public NextPapers nextPapers(
            @NonNull @Description("Free text, 1 to 500 characters: a paper (\"RoPE\", an arXiv id or URL, a title) or"
                    + " a subject (\"speculative decoding\")") String after,
            @DefaultValue("5") @Description(FIRST) Integer first,
            @DefaultValue("false") @Description(EXCLUDE_READ) boolean excludeRead) {
        return whatNext.after(after, first, excludeRead, SelectedColumns.of(context));
    }

    @Query
    @NonNull
    @Description("Papers like the ones liked (positive) and unlike the disliked ones (negative), Rocchio-style (first ≤ 50)")
    public List<@NonNull Recommendation> recommend(
            // ids as [String!]: SmallRye 2.17 cannot coerce @Id on list arguments (it binds the ID scalar to the list)
            @NonNull @Description("Ids of papers liked: at least one") List<@NonNull String> positive,
            @Description("Ids of papers disliked; may be empty") List<@NonNull String> negative,
            @DefaultValue("10") @Description(FIRST) Integer first) {
        return recommender.forSet(knownIds("positive", positive), knownIds("negative", negative), first,
                SelectedColumns.of(context));
    }

    private List<Long> knownIds(String field, List<String> ids) {
        List<Long> parsed = ids == null ? List.of() : ids.stream().map(id -> Ids.paperId(field, id)).toList();
        parsed.forEach(id -> Found.orNotFound(papers.byId(id), "paper", "id", id));
        return parsed;
    }

    @NonNull
    @Description("Papers to read after this one (first ≤ 50)")
    public List<@NonNull List<@NonNull Recommendation>> related(@Source List<Paper> batch,
            @DefaultValue("5") @Description(FIRST) Integer first) {
        return recommender.after(Recommender.Field.PAPER_RELATED, PaperService.ids(batch), first, false,
                SelectedColumns.of(context));
    }
}
