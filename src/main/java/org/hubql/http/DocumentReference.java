package org.hubql.http;

import java.util.Locale;

/** How a request names a persisted document instead of (or besides) sending its text. */
sealed interface DocumentReference {
    /** The key under which the document is kept: lower-case hex for a digest, else the identifier as sent. */
    String key();

    /** Apollo's {@code extensions.persistedQuery.sha256Hash}: sent alone, or with the text to register it. */
    record PersistedQueryHash(String key) implements DocumentReference {}

    /**
     * The GraphQL-over-HTTP persisted-documents {@code documentId}: {@code sha256:<hex>}, or the bare hash that
     * graphql-codegen and Relay use as the key of their manifest.
     */
    record DocumentId(String key) implements DocumentReference {}

    static DocumentReference persistedQuery(String sha256Hash) {
        return new PersistedQueryHash(sha256Hash.toLowerCase(Locale.ROOT));
    }

    static DocumentReference documentId(String id) {
        return new DocumentId(normalized(id));
    }

    /** {@code sha256:ABC…} and {@code abc…} name the same document. */
    static String normalized(String id) {
        String bare = id.regionMatches(true, 0, "sha256:", 0, 7) ? id.substring(7) : id;
        return DocumentHash.ofDigest(bare.toLowerCase(Locale.ROOT)).isPresent() ? bare.toLowerCase(Locale.ROOT) : id;
    }
}
