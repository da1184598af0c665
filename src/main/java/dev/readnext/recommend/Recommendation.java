package dev.readnext.recommend;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.paper.Paper;

public record Recommendation(@NonNull Paper paper,
        @NonNull @Description("Blended score: text similarity plus the structure of lists, courses, paths and topics")
        double score,
        @NonNull @Description("Why, strongest first: COURSE_NEXT, PATH_NEXT, SIMILAR_TEXT, SAME_SECTION, LISTED_TOGETHER,"
                + " SAME_TOPIC, FOLLOW_UP, BACKGROUND; for a subject asked about, MATCHES_TEXT and IN_TOPIC")
        List<@NonNull String> reasons,
        @NonNull @Description("Informative terms both texts share that carry most of their similarity, as written (≤ 5)")
        List<@NonNull String> sharedTerms,
        @NonNull @Description("The reasons in words, one line: \"Next in LLM 901 after this · same section: …\"")
        String explanation) {
}
