package dev.readnext.api;

import java.util.List;

/**
 * An error the client can act on. Services throw it; {@code graphql.ErrorCodeInstrumentation} turns it into a
 * GraphQL error with {@code extensions.code} (and {@code field} / {@code suggestions} when set).
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String field;
    private final List<String> suggestions;
    private final boolean retryable;

    public ApiException(ErrorCode code, String message, String field, List<String> suggestions) {
        this(code, message, field, suggestions, false);
    }

    private ApiException(ErrorCode code, String message, String field, List<String> suggestions, boolean retryable) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
        this.suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        this.retryable = retryable;
    }

    /** The database cannot be reached right now; the same request may succeed shortly. */
    public static ApiException databaseUnavailable() {
        return retryable("The database is unavailable at the moment; try again shortly");
    }

    /** A passing condition on our side; the same request may succeed shortly. */
    public static ApiException retryable(String message) {
        return new ApiException(ErrorCode.INTERNAL, message, null, null, true);
    }

    /** The one message for a key that names nothing, e.g. "no course with slug llm-902". */
    public static ApiException notFound(String type, String key, Object value) {
        return notFound("no " + type + " with " + key + " " + value);
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message, null, null);
    }

    public static ApiException notFound(String message, List<String> suggestions) {
        return new ApiException(ErrorCode.NOT_FOUND, message, null, suggestions);
    }

    /** The request needs a signed-in caller (a valid bearer token) and has none. */
    public static ApiException unauthenticated(String message) {
        return new ApiException(ErrorCode.UNAUTHENTICATED, message, null, null);
    }

    public static ApiException badInput(String field, String message) {
        return new ApiException(ErrorCode.BAD_USER_INPUT, message, field, null);
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    public List<String> suggestions() {
        return suggestions;
    }

    public boolean retryable() {
        return retryable;
    }
}
