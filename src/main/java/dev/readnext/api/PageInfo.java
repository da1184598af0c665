package dev.readnext.api;

import org.eclipse.microprofile.graphql.NonNull;

public record PageInfo(@NonNull boolean hasNextPage, String endCursor) {
}
