package org.hubql.http;

/** Which documents hubql runs. */
public sealed interface DocumentPolicy {
    /**
     * Any document, sent as text or, once registered, by its SHA-256 (Apollo's automatic persisted queries): hashes
     * and texts are kept in a bounded cache.
     */
    record AnyDocument() implements DocumentPolicy {}

    /**
     * Only the trusted documents, named by {@code documentId} or {@code extensions.persistedQuery.sha256Hash} (or
     * sent as their exact text); any other document is refused, except, with {@code arbitraryForAdmins}, for a token
     * that holds {@code admin:users} unfiltered.
     */
    record TrustedOnly(TrustedDocuments documents, boolean arbitraryForAdmins) implements DocumentPolicy {}

    static DocumentPolicy anyDocument() {
        return new AnyDocument();
    }
}
