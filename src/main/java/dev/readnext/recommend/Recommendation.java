package dev.readnext.recommend;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.paper.Paper;

public record Recommendation(@NonNull Paper paper,
        @NonNull @Description("Blended score: text similarity plus course order, learning paths and shared topics") double score,
        @NonNull @Description("COURSE_NEXT, PATH_NEXT, SIMILAR_TEXT, SAME_TOPIC") List<@NonNull String> reasons,
        @NonNull @Description("Terms both papers share that contributed most to their similarity, as written")
        List<@NonNull String> sharedTerms) {
}
