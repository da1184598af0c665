package dev.readnext.list;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import dev.readnext.graphql.ApiException;
import dev.readnext.paper.Paper;

@GraphQLApi
public class ReadingListGraphQL {

    @Inject
    ReadingListService lists;

    @Query
    @NonNull
    public List<@NonNull ReadingList> readingLists() {
        return lists.all();
    }

    @Query
    public ReadingList readingList(@NonNull String slug) {
        ReadingList list = lists.bySlug(slug);
        if (list == null) {
            throw ApiException.notFound("no reading list with slug " + slug);
        }
        return list;
    }

    @NonNull
    public List<@NonNull List<@NonNull ReadingListEntry>> entries(@Source List<ReadingList> batch) {
        return lists.entriesOfLists(batch);
    }

    @NonNull
    public List<@NonNull ReadingList> list(@Source List<ReadingListEntry> batch) {
        return lists.listsOf(batch);
    }

    @NonNull
    public List<@NonNull Paper> paper(@Source List<ReadingListEntry> batch) {
        return lists.papersOf(batch);
    }
}
