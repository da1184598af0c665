package dev.readnext.recommend;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.paper.Paper;

@Description("A paper recommended, with how strongly and why")
public record Recommendation(@NonNull @Description("The paper recommended") Paper paper,
        @NonNull @Description("Blended score, for ordering only: text similarity (a 0 to 1 cosine) plus up to 0.5 for"
                + " the lists, courses and topics the papers share and up to 0.3 for course or path order and"
                + " follow-ups; a sum, not a probability, so it can exceed 1 (at most 1.8). In Reader.feed: the"
                + " similarity to the reader's weighted history plus the structure signals of their recent papers")
        double score,
        @NonNull @Description("Why, strongest first; BACKGROUND, a label, comes last") List<@NonNull Reason> reasons,
        @NonNull @Description("Informative terms both texts share that carry most of their similarity, as written (≤ 5)")
        List<@NonNull String> sharedTerms,
        @NonNull @Description("The reasons in words, one line: \"Next in LLM 901 after this · same section: …\"")
        String explanation,
        @NonNull @Description("For Reader.feed: the reader's own papers (read or saved) this one follows from, most"
                + " similar first (1 to 3); empty for every other recommendation field, which recommend after papers"
                + " named in the request") List<@NonNull Paper> because) {

    /** A recommendation that follows from no reader's history (every field but {@code Reader.feed}). */
    public Recommendation(Paper paper, double score, List<Reason> reasons, List<String> sharedTerms,
            String explanation) {
        this(paper, score, reasons, sharedTerms, explanation, List.of());
    }
}
