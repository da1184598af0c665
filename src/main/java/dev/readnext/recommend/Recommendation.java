package dev.readnext.recommend;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.paper.Paper;

public record Recommendation(@NonNull Paper paper,
        @NonNull @Description("Blended score: text similarity plus the structure of lists, courses, paths and topics")
        double score,
        @NonNull @Description("Why, strongest first; BACKGROUND, a label, comes last") List<@NonNull Reason> reasons,
        @NonNull @Description("Informative terms both texts share that carry most of their similarity, as written (≤ 5)")
        List<@NonNull String> sharedTerms,
        @NonNull @Description("The reasons in words, one line: \"Next in LLM 901 after this · same section: …\"")
        String explanation) {
}
