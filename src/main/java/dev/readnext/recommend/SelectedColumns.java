package dev.readnext.recommend;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;

import dev.readnext.recommend.Recommender.PaperColumns;

/**
 * Which columns of its recommended papers a GraphQL field's selection reads: {@code PROJECTED} (memory has them)
 * unless it selects, anywhere below, a field named as one memory lacks ({@link StructureSignals#NOT_PROJECTED}),
 * fragments included. Anywhere, not under a path: the same papers are reached through {@code paper},
 * {@code recommendations/paper} or {@code edges/node/paper}, and a name shared by another type only costs a query.
 */
final class SelectedColumns {

    private SelectedColumns() {
    }

    static PaperColumns of(Context context) {
        DataFetchingEnvironment environment = context.unwrap(DataFetchingEnvironment.class);
        boolean lacking = environment.getSelectionSet().getFields("**").stream()
                .anyMatch(field -> StructureSignals.NOT_PROJECTED.contains(field.getName()));
        return lacking ? PaperColumns.ALL : PaperColumns.PROJECTED;
    }
}
