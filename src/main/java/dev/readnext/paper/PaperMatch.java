package dev.readnext.paper;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A paper a text may name, and how sure that is")
public record PaperMatch(@NonNull @Description("The paper the text may mean") Paper paper,
        @NonNull @Description("The chance that this is the paper meant, from 0 to 1; 0.7 and above is a confident match")
        double score,
        @NonNull @Description("How the text matched") MatchKind matchedBy) {
}
