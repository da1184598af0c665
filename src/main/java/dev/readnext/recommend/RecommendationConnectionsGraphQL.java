package dev.readnext.recommend;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.readnext.api.Ids;
import dev.readnext.api.Page;
import dev.readnext.api.Paging;
import dev.readnext.paper.Paper;

/**
 * The recommendation lists as connections (issue 16). Recommendations are a top-k computed per request, so a
 * connection computes the top {@value Recommender#MAX_RESULTS} and pages within them: cursors are positions in
 * that list, and totalCount is its length. Apart from {@link RecommendGraphQL} only so that both can change alone.
 */
@GraphQLApi
@Transactional // see GraphQLSetup: each resolver in its own transaction
public class RecommendationConnectionsGraphQL {

    private static final String DEPTH = " a page at a time (first/after, last/before) within the best 50";

    @Inject
    RecommendGraphQL lists;

    @Query
    @NonNull
    @Description("relatedPapers as a connection:" + DEPTH)
    public RecommendationConnection relatedPapersConnection(@NonNull @Id @Description(Ids.PAPER_ID) String paperId,
            @DefaultValue("false") @Description(RecommendGraphQL.EXCLUDE_READ) boolean excludeRead,
            @Description(Paging.FIRST) Integer first,
            @Description(Paging.AFTER) String after,
            @Description(Paging.LAST) Integer last,
            @Description(Paging.BEFORE) String before) {
        return page(lists.relatedPapers(paperId, Recommender.MAX_RESULTS, excludeRead), first, after, last, before);
    }

    @Query
    @NonNull
    @Description("recommend as a connection:" + DEPTH)
    public RecommendationConnection recommendConnection(
            @NonNull @Description("Ids of papers liked: at least one") List<@NonNull String> positive,
            @Description("Ids of papers disliked; may be empty") List<@NonNull String> negative,
            @Description(Paging.FIRST) Integer first,
            @Description(Paging.AFTER) String after,
            @Description(Paging.LAST) Integer last,
            @Description(Paging.BEFORE) String before) {
        return page(lists.recommend(positive, negative, Recommender.MAX_RESULTS), first, after, last, before);
    }

    @NonNull
    @Description("related as a connection:" + DEPTH)
    public List<@NonNull RecommendationConnection> relatedConnection(@Source List<Paper> batch,
            @Description(Paging.FIRST) Integer first,
            @Description(Paging.AFTER) String after,
            @Description(Paging.LAST) Integer last,
            @Description(Paging.BEFORE) String before) {
        return lists.related(batch, Recommender.MAX_RESULTS).stream()
                .map(related -> page(related, first, after, last, before)).toList();
    }

    private static RecommendationConnection page(List<Recommendation> all, Integer first, String after, Integer last,
            String before) {
        return RecommendationConnection.of(Page.of(all, first, after, last, before));
    }
}
