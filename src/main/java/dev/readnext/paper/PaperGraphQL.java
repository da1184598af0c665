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

@GraphQLApi
@Transactional // see GraphQLSetup: each resolver in its own transaction
public class PaperGraphQL {

    @Inject
    PaperService papers;

    @Inject
    PaperResolver resolver;

    @Query
    @Description("A paper by exactly one of id, slug or arXiv id; an unknown key is a NOT_FOUND error")
    public Paper paper(@Id String id, String slug, String arxivId) {
        Optional<Paper> paper = papers.find(id == null ? null : Ids.parse("id", id), slug, arxivId);
        return id != null ? Found.orNotFound(paper, "paper", "id", id)
                : slug != null ? Found.orNotFound(paper, "paper", "slug", slug)
                        : Found.orNotFound(paper, "paper", "arXiv id", arxivId);
    }

    @Query
    @NonNull
    @Description("Papers in id order, filtered, with cursor paging (first ≤ 100)")
    public PaperConnection papers(PaperFilter filter, @DefaultValue("20") Integer first, String after) {
        return papers.page(filter, first, after);
    }

    @Query
    @NonNull
    @Description("Full-text search over title, TL;DR, abstract and authors, best first, optionally filtered as papers"
            + " are (first ≤ 100)")
    public List<@NonNull SearchHit> search(@NonNull String text, PaperFilter filter,
            @DefaultValue("20") Integer first) {
        return papers.search(text, filter, first);
    }

    @Query
    @NonNull
    @Description("What paper does this text mean? An alias or acronym (\"RoPE\"), an arXiv id or URL, or a title")
    public List<@NonNull PaperMatch> resolvePaper(@NonNull String text, @DefaultValue("5") Integer first) {
        return resolver.resolve(text, first);
    }

    @NonNull
    public List<@NonNull List<@NonNull String>> aliases(@Source List<Paper> batch) {
        return papers.aliases(batch);
    }
}
