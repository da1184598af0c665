package dev.readnext.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;

/**
 * Parsed and validated documents by query text. Clients send the same few documents with different variables, so
 * each is parsed once: by the request guard (which also checks the token limit) or by the engine, whichever sees it
 * first. Long documents (literal imports) are not kept; the cache holds at most {@value #MAX_CHARS} characters.
 */
@ApplicationScoped
public class DocumentCache implements PreparsedDocumentProvider {

    static final int MAX_CHARS = 4_000_000;
    static final int MAX_DOCUMENT_CHARS = 20_000;

    private final Cache<String, PreparsedDocumentEntry> entries = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARS)
            .<String, PreparsedDocumentEntry>weigher((query, entry) -> query.length())
            .build();

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        PreparsedDocumentEntry entry = query.length() > MAX_DOCUMENT_CHARS ? parseAndValidate.apply(input)
                : entries.get(query, q -> parseAndValidate.apply(input));
        return CompletableFuture.completedFuture(entry);
    }

    /** The document of a query the engine has already parsed, or null. */
    Document parsed(String query) {
        PreparsedDocumentEntry entry = entries.getIfPresent(query);
        return entry == null ? null : entry.getDocument();
    }
}
