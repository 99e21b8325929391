package org.hubql.http;

import java.util.List;
import java.util.Optional;
import org.hubql.graph.ErrorCodes;
import org.hubql.graph.GraphRequest;
import org.hubql.scopes.Viewer;

/**
 * Runs trusted documents only ({@code --trusted-documents}): named by {@code documentId} or Apollo's hash, or sent
 * as their exact text. Any other document is refused with a 403, unless the policy lets admins run arbitrary ones
 * and the token holds {@code admin:users} unfiltered (the heart of JupyterHub's {@code admin} role).
 */
final class TrustedOnlyResolver implements DocumentResolver {
    private final DocumentPolicy.TrustedOnly policy;

    TrustedOnlyResolver(DocumentPolicy.TrustedOnly policy) {
        this.policy = policy;
    }

    @Override
    public Optional<GraphRequest> resolve(ReceivedRequest request, Viewer viewer) {
        Optional<String> trusted =
                request.reference().flatMap(reference -> policy.documents().document(reference.key()));
        if (trusted.isPresent()) {
            request.query()
                    .ifPresent(text ->
                            DocumentResolver.verified(text, request.reference().orElseThrow()));
            return Optional.of(request.with(trusted.get()));
        }
        if (request.query().isEmpty()) {
            return Optional.empty();
        }
        String text = request.query().get();
        request.reference().ifPresent(reference -> DocumentResolver.verified(text, reference));
        if (policy.documents().contains(text) || policy.arbitraryForAdmins() && isAdmin(viewer)) {
            return Optional.of(request.with(text));
        }
        throw new HttpProblem(
                403,
                ErrorCodes.TRUSTED_DOCUMENTS_ONLY,
                "this server runs trusted documents only: send the `documentId` of one (or its hash in"
                        + " extensions.persistedQuery.sha256Hash)");
    }

    private static boolean isAdmin(Viewer viewer) {
        return viewer.grants().coversAll(List.of("admin:users"));
    }
}
