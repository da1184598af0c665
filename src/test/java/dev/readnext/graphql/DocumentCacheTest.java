package dev.readnext.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import io.smallrye.graphql.execution.QueryCache;

/** SmallRye's own cache is filled by ours, so that SmallRye parses a document once, not on every request. */
class DocumentCacheTest {

    private static final String SHORT = "{ __typename }";
    private static final String LONG = "{ __typename " + " ".repeat(DocumentCache.MAX_SMALLRYE_DOCUMENT_CHARS) + "}";

    private final QueryCache smallRye = new QueryCache();
    private final DocumentCache documents = new DocumentCache();
    private final AtomicInteger smallRyeParses = new AtomicInteger();

    DocumentCacheTest() {
        documents.feed(smallRye);
    }

    @Test
    void smallRyeParsesAShortDocumentNoMoreOnceCached() {
        request(SHORT);
        int parses = smallRyeParses.get();
        request(SHORT);
        request(SHORT);
        assertEquals(parses, smallRyeParses.get());
    }

    @Test
    void smallRyeKeepsNoLongDocument() {
        request(LONG);
        request(LONG);
        assertEquals(2, smallRyeParses.get());
    }

    @Test
    void aLongDocumentLeavesNothingForTheNextRequestToCache() {
        request(SHORT);
        request(LONG);
        request(SHORT); // SmallRye finds it: the long one must not be cached in its place
        int parses = smallRyeParses.get();
        request(LONG);
        assertEquals(parses + 1, smallRyeParses.get());
    }

    /** As SmallRye's ExecutionService does: its context asks its cache, then the engine asks ours. */
    private void request(String query) {
        ExecutionInput input = ExecutionInput.newExecutionInput(query).build();
        Function<ExecutionInput, PreparsedDocumentEntry> parse = in -> {
            smallRyeParses.incrementAndGet();
            return new PreparsedDocumentEntry(ParseAndValidate.parse(in).getDocument());
        };
        smallRye.getDocumentAsync(input, parse).join();
        documents.getDocumentAsync(input, in -> new PreparsedDocumentEntry(ParseAndValidate.parse(in).getDocument()))
                .join();
    }
}
