package dev.readnext.paper;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.readnext.course.CourseService;
import dev.readnext.course.CourseSession;
import dev.readnext.api.Ids;
import dev.readnext.list.ReadingListEntry;
import dev.readnext.list.ReadingListService;
import dev.readnext.topic.Topic;
import dev.readnext.topic.TopicService;

@GraphQLApi
@Transactional // see GraphQLSetup: each resolver in its own transaction
public class PaperGraphQL {

    @Inject
    PaperService papers;

    @Inject
    PaperResolver resolver;

    @Inject
    TopicService topics;

    @Inject
    ReadingListService lists;

    @Inject
    CourseService courses;

    @Query
    @Description("A paper by exactly one of id, slug or arXiv id; an unknown key is a NOT_FOUND error")
    public Paper paper(@Id String id, String slug, String arxivId) {
        Paper paper = papers.find(id == null ? null : Ids.parse("id", id), slug, arxivId);
        if (paper == null) {
            throw dev.readnext.api.ApiException.notFound("no paper with "
                    + (id != null ? "id " + id : slug != null ? "slug " + slug : "arXiv id " + arxivId));
        }
        return paper;
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

    @NonNull
    public List<@NonNull List<@NonNull Topic>> topics(@Source List<Paper> batch) {
        return topics.topicsOf(batch);
    }

    @NonNull
    @Name("lists")
    @Description("The reading lists this paper is in, with its read status there")
    public List<@NonNull List<@NonNull ReadingListEntry>> lists(@Source List<Paper> batch) {
        return lists.entriesOfPapers(batch);
    }

    @NonNull
    @Description("The course sessions this paper is a reading of")
    public List<@NonNull List<@NonNull CourseSession>> sessions(@Source List<Paper> batch) {
        return courses.sessionsOfPapers(batch);
    }
}
