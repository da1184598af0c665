package dev.readnext.paper;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A full-text search hit: the paper, how well it matches, and the matching fragments")
public record SearchHit(@NonNull @Description("The paper found") Paper paper,
        @NonNull @Description("Relevance: PostgreSQL's cover-density rank scaled into 0 to 1 (rank / (rank + 1)), higher"
                + " is better; for ordering the hits of one search, not a probability") double score,
        @Description("matching fragments with <mark>…</mark> around matched words") String highlight) {
}
