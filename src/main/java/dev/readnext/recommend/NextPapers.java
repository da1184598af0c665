package dev.readnext.recommend;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperMatch;

/** The answer to "what after …?". */
@Description("What to read after a text: how it was understood, the paper it names if any, and recommendations")
public record NextPapers(
        @Description("The paper the text names, only when matched confidently (a resolvePaper score of 0.7 or more)")
        Paper resolved,
        @NonNull @Description("How the text was understood") Interpretation interpretedAs,
        @NonNull @Description("Papers the text may have meant: the other matches, or near misses when no paper matched")
        List<@NonNull PaperMatch> didYouMean,
        @NonNull @Description("Papers to read, best first: after the resolved paper, or about the text when it named"
                + " none; empty when interpretedAs is NOTHING") List<@NonNull Recommendation> recommendations) {
}
