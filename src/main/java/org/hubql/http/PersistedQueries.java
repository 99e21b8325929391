package org.hubql.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import org.hubql.graph.GraphRequest;
import org.hubql.scopes.Viewer;

/**
 * Apollo's automatic persisted queries: a client sends a document's SHA-256 alone; when hubql does not know it, the
 * client sends it again with the text, which hubql checks against the hash and keeps for the next time. The texts
 * are kept in a bounded cache (least used out first), shared by all viewers: a hash names a document, and running
 * it still shows each viewer only what its token may read.
 *
 * <p>graphql-java's {@code ApolloPersistedQuerySupport} does the same inside the engine, keeping parsed documents by
 * hash; it is not used because the HTTP layer needs the text before execution: a GET must be refused with 405 when
 * it names a mutation, a trusted-documents server decides before anything runs, and an unknown hash is an HTTP
 * answer (200 or 404 by media type) rather than a GraphQL error. Parsed documents are kept by text in the graph's
 * document cache, so a hash costs one lookup more.
 */
final class PersistedQueries implements DocumentResolver {
    /** Room for the texts, in characters: hundreds of typical documents, or a few dozen of the largest accepted. */
    static final long MAXIMUM_CHARACTERS = 8 * 1024 * 1024;

    private final Cache<String, String> texts;

    PersistedQueries(long maximumCharacters) {
        this.texts = Caffeine.newBuilder()
                .maximumWeight(maximumCharacters)
                .weigher((String hash, String text) -> hash.length() + text.length())
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Optional<GraphRequest> resolve(ReceivedRequest request, Viewer viewer) {
        Optional<DocumentReference> reference = request.reference();
        if (reference.isEmpty()) {
            return Optional.of(request.with(request.query().orElseThrow()));
        }
        String key = reference.get().key();
        if (request.query().isPresent()) {
            String text = DocumentResolver.verified(request.query().get(), reference.get());
            texts.put(key, text);
            return Optional.of(request.with(text));
        }
        return Optional.ofNullable(texts.getIfPresent(key)).map(request::with);
    }
}
