package dev.readnext.recommend;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;

import dev.readnext.recommend.Recommender.PaperColumns;

/**
 * Which columns of its recommended papers a GraphQL field's selection reads: {@code PROJECTED} (memory has them)
 * unless, under {@code pathToPaper}, it selects a field memory lacks ({@link StructureSignals#NOT_PROJECTED}),
 * fragments included.
 */
final class SelectedColumns {

    private SelectedColumns() {
    }

    /** @param pathToPaper from the field resolved to its papers: {@code paper}, {@code recommendations/paper} */
    static PaperColumns of(Context context, String pathToPaper) {
        DataFetchingEnvironment environment = context.unwrap(DataFetchingEnvironment.class);
        boolean lacking = environment.getSelectionSet().getFields(pathToPaper + "/*").stream()
                .anyMatch(field -> StructureSignals.NOT_PROJECTED.contains(field.getName()));
        return lacking ? PaperColumns.ALL : PaperColumns.PROJECTED;
    }
}
