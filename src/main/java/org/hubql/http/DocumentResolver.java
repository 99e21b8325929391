package org.hubql.http;

import java.util.Optional;
import org.hubql.graph.ErrorCodes;
import org.hubql.graph.GraphRequest;
import org.hubql.scopes.Viewer;

/**
 * Finds the document a request runs, as its {@link DocumentPolicy} has it. Empty when the request names a
 * persisted document that is not known (Apollo clients then send the text); refusals are {@link HttpProblem}s.
 */
interface DocumentResolver {
    Optional<GraphRequest> resolve(ReceivedRequest request, Viewer viewer);

    static DocumentResolver of(DocumentPolicy policy) {
        if (policy instanceof DocumentPolicy.TrustedOnly trusted) {
            return new TrustedOnlyResolver(trusted);
        }
        return new PersistedQueries(PersistedQueries.MAXIMUM_CHARACTERS);
    }

    /** The text sent with a hash must be the hashed document: the hash of one document never runs another. */
    static String verified(String text, DocumentReference reference) {
        if (reference instanceof DocumentReference.PersistedQueryHash hash
                && !DocumentHash.SHA256.digest(text).equals(hash.key())) {
            throw new HttpProblem(
                    400,
                    ErrorCodes.PERSISTED_QUERY_HASH_MISMATCH,
                    "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it");
        }
        return text;
    }
}
