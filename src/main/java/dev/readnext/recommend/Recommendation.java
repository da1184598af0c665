package dev.readnext.recommend;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.paper.Paper;

@Description("A paper recommended, with how strongly and why")
public record Recommendation(@NonNull @Description("The paper recommended") Paper paper,
        @NonNull @Description("Blended score, for ordering only: text similarity (a 0 to 1 cosine) plus up to 0.5 for"
                + " the lists, courses and topics the papers share and up to 0.3 for course or path order and"
                + " follow-ups; a sum, not a probability, so it can exceed 1 (at most 1.8)")
        double score,
        @NonNull @Description("Why, strongest first; BACKGROUND, a label, comes last") List<@NonNull Reason> reasons,
        @NonNull @Description("Informative terms both texts share that carry most of their similarity, as written (≤ 5)")
        List<@NonNull String> sharedTerms,
        @NonNull @Description("The reasons in words, one line: \"Next in LLM 901 after this · same section: …\"")
        String explanation) {
}
