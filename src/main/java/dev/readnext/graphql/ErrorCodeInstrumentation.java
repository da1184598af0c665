package dev.readnext.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.introspection.GoodFaithIntrospection;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.validation.ValidationError;
import io.quarkus.logging.Log;
import dev.readnext.api.ApiException;
import dev.readnext.api.ErrorCode;

/**
 * Gives every error of every response an {@code extensions.code} and a message fit for clients:
 * syntax and validation errors and aborted executions (limits) are {@code BAD_USER_INPUT},
 * {@link ApiException}s and the failures {@link ClientErrors} translates carry their code, anything else becomes
 * {@code INTERNAL} with a generic message (the cause is logged here, never sent: no stack traces, SQL or class names
 * in responses).
 * <p>
 * Why not SmallRye's {@code @ErrorCode} and {@code ErrorExtensionProvider} (SmallRye GraphQL 2.17): {@code @ErrorCode}
 * names one code per exception class, ours is per instance ({@code new ApiException(ErrorCode.CONFLICT, …)}); its
 * built-in provider already writes {@code code} (the class name in kebab case when not annotated: "api",
 * "unauthorized"), and a second provider of that key wins or loses by service-loader order; a provider writes its
 * key on every data-fetching error, as null when it has no value; and providers only see data-fetching errors, while
 * validation errors, aborted executions (the depth and complexity limits) and rejected variables reach the response
 * without any code. So one pass over the result codes them all.
 */
public class ErrorCodeInstrumentation extends OperationInstrumentation {

    /** Errors graphql-java reports about the request itself (syntax, validation, unknown or missing operation). */
    private static final Set<ErrorClassification> CLIENT_ERRORS = Set.of(ErrorType.InvalidSyntax,
            ErrorType.ValidationError, ErrorType.OperationNotSupported, ErrorType.ExecutionAborted);

    private static final Pattern INTERNAL_CODE = Pattern.compile("SRGQL\\d+:\\s*");

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        // a null in a non-null field is only the consequence of another error: report the cause, not the echo
        boolean hasCause = result.getErrors().stream().anyMatch(e -> e.getErrorType() != ErrorType.NullValueInNonNullableField);
        List<GraphQLError> errors = result.getErrors().stream()
                .filter(e -> !hasCause || e.getErrorType() != ErrorType.NullValueInNonNullableField)
                .map(ErrorCodeInstrumentation::coded)
                .toList();
        return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult()
                .from(result).errors(errors).build());
    }

    static GraphQLError coded(GraphQLError error) {
        if (!(error instanceof ExceptionWhileDataFetching) && isKnown(error.getExtensions())) {
            return error; // coded where it arose (IntArgumentRange)
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        String message = withoutInternalCodes(error.getMessage());
        if (error instanceof ExceptionWhileDataFetching fetching) {
            ApiException api = ClientErrors.of(fetching.getException());
            if (api != null) {
                extensions.put("code", api.code().name());
                if (api.field() != null) {
                    extensions.put("field", api.field());
                }
                if (!api.suggestions().isEmpty()) {
                    extensions.put("suggestions", api.suggestions());
                }
                if (api.retryable()) {
                    extensions.put("retryable", true);
                }
                message = api.getMessage();
            } else {
                Log.errorf(fetching.getException(), "Unexpected error at %s", fetching.getPath());
                extensions.put("code", ErrorCode.INTERNAL.name());
                message = "Internal error";
            }
        } else if (error instanceof ValidationError || error instanceof AbortExecutionException
                || error instanceof GoodFaithIntrospection.BadFaithIntrospectionError
                || CLIENT_ERRORS.contains(error.getErrorType())) {
            extensions.put("code", ErrorCode.BAD_USER_INPUT.name());
            extensions.put("classification", String.valueOf(error.getErrorType()));
        } else {
            extensions.put("code", ErrorCode.INTERNAL.name());
        }
        return GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorClassification.errorClassification(
                        String.valueOf(extensions.getOrDefault("classification", extensions.get("code")))))
                .locations(error.getLocations())
                .path(error.getPath())
                .extensions(extensions)
                .build();
    }

    /**
     * The message without SmallRye's message ids ("SRGQL000022: Can not parse a number from …", from its scalar
     * coercings, inside graphql-java's validation messages): they mean nothing to clients, extensions.code is theirs.
     */
    static String withoutInternalCodes(String message) {
        return message == null ? null : INTERNAL_CODE.matcher(message).replaceAll("");
    }

    private static boolean isKnown(Map<String, Object> extensions) {
        Object code = extensions == null ? null : extensions.get("code");
        for (ErrorCode known : ErrorCode.values()) {
            if (known.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
