package dev.readnext.paper;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public record SearchHit(@NonNull Paper paper, @NonNull double score,
        @Description("matching fragments with <mark>…</mark> around matched words") String highlight) {
}
