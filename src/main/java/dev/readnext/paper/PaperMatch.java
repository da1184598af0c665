package dev.readnext.paper;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public record PaperMatch(@NonNull Paper paper, @NonNull double score,
        @NonNull @Description("ARXIV_ID, URL, ALIAS, TITLE, NAME (the name before a title's colon), ACRONYM or FUZZY_TITLE")
        String matchedBy) {
}
