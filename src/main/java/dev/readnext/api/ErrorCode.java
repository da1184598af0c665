package dev.readnext.api;

/** The values of {@code extensions.code} on every GraphQL error (DESIGN.md §3). */
public enum ErrorCode {
    NOT_FOUND, BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, CONFLICT, INTERNAL
}
