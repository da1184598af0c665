package dev.readnext.graphql;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.validation.ValidationError;
import io.smallrye.graphql.execution.QueryCache;

/**
 * Parsed and validated documents by query text. Clients send the same few documents with different variables, so
 * each is parsed once: by the request guard (which also checks the token limit) or by the engine, whichever sees it
 * first. Long documents (literal imports) are not kept; the cache holds at most {@value #MAX_CHARS} characters.
 * <p>
 * SmallRye parses every request once more for its context (the operation types), through a cache of its own
 * ({@code QueryCache}, SmallRye 2.17) that fills only when its instrumentation sees a document validate: a miss
 * leaves the request in a thread-local that its {@code beginValidation} takes. Its instrumentation is not in our
 * chain ({@link GraphQLSetup}), so this cache hands it each request: the documents up to
 * {@value #MAX_SMALLRYE_DOCUMENT_CHARS} characters are kept (it holds 2048 of them), the others dropped.
 */
@ApplicationScoped
public class DocumentCache implements PreparsedDocumentProvider {

    static final int MAX_CHARS = 4_000_000;
    static final int MAX_DOCUMENT_CHARS = 20_000;
    static final int MAX_SMALLRYE_DOCUMENT_CHARS = 2_000;

    private final Cache<String, PreparsedDocumentEntry> entries = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARS)
            .<String, PreparsedDocumentEntry>weigher((query, entry) -> query.length())
            .build();

    private volatile QueryCache smallRyeCache;

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        PreparsedDocumentEntry entry = query.length() > MAX_DOCUMENT_CHARS ? parseAndValidate.apply(input)
                : entries.get(query, q -> parseAndValidate.apply(input));
        if (smallRyeCache != null) {
            // taken on every request, so that no thread keeps a request for a later one to cache
            InstrumentationContext<List<ValidationError>> validation = smallRyeCache.beginValidation(null, null);
            if (!entry.hasErrors() && query.length() <= MAX_SMALLRYE_DOCUMENT_CHARS) {
                validation.onCompleted(List.of(), null);
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

    void feed(QueryCache smallRye) {
        smallRyeCache = smallRye;
    }

    /** The document of a query the engine has already parsed, or null. */
    Document parsed(String query) {
        PreparsedDocumentEntry entry = entries.getIfPresent(query);
        return entry == null ? null : entry.getDocument();
    }
}
