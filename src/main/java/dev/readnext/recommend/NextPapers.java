package dev.readnext.recommend;

import java.util.List;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.paper.Paper;

/**
 * The answer to "what after …?": the paper the text was understood as (see the {@code resolved} field, which is a
 * NOT_FOUND error with suggestions when nothing matched) and what to read after it.
 */
public record NextPapers(@Ignore String text, @Ignore Paper resolvedPaper,
        @NonNull List<@NonNull Recommendation> recommendations) {
}
