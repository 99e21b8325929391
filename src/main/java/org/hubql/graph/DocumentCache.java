package org.hubql.graph;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Keeps parsed and validated documents by query text, so a dashboard polling the same query skips parsing and
 * validation. Bounded by weight: each entry weighs its text plus an allowance for its parsed form, so that neither
 * many small documents nor a few large ones fill the heap. Documents that failed are not kept.
 */
final class DocumentCache implements PreparsedDocumentProvider {
    /** A rough size, in characters, of a parsed document beyond its text: syntax trees are several times larger. */
    private static final int PARSED_ALLOWANCE = 8192;

    private final Cache<String, PreparsedDocumentEntry> entries;

    /** At most {@code maximumCharacters} of query text (with allowances) at once. */
    DocumentCache(long maximumCharacters) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maximumCharacters)
                .weigher((String query, PreparsedDocumentEntry entry) -> PARSED_ALLOWANCE + query.length())
                .executor(Runnable::run)
                .build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        PreparsedDocumentEntry cached = entries.getIfPresent(query);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            entries.put(query, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    /** The document of {@code query} as it was parsed and validated when it last ran, while it is kept. */
    Optional<Document> document(String query) {
        return Optional.ofNullable(entries.getIfPresent(query)).map(PreparsedDocumentEntry::getDocument);
    }

    /** How many documents are kept, once pending evictions are done; for tests. */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
