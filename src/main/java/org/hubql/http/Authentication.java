package org.hubql.http;

import io.javalin.http.Context;
import org.hubql.auth.TokenAuthenticator;
import org.hubql.graph.ErrorCodes;
import org.hubql.scopes.Viewer;

/**
 * The before-handler of the GraphQL routes: finds the request's JupyterHub token and resolves its {@link Viewer},
 * or answers {@code 401}. The token itself is never logged nor echoed back.
 */
final class Authentication {
    private static final String VIEWER = "hubql.viewer";
    private static final String CHALLENGE = "Bearer realm=\"hubql\", charset=\"UTF-8\"";

    private final TokenAuthenticator authenticator;

    /** {@code authenticator} null: authentication is off and every request sees everything. */
    Authentication(TokenAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    void check(Context ctx) {
        if (authenticator == null) {
            ctx.attribute(VIEWER, Viewer.local());
            return;
        }
        String token = TokenAuthenticator.tokenFromHeader(ctx.header("Authorization"));
        if (token == null && ctx.method().name().equals("GET")) {
            token = ctx.queryParam("token");
        }
        if (token == null) {
            throw unauthorized(ctx, "authentication required: send a JupyterHub token as `Authorization: token <token>`");
        }
        Viewer viewer = authenticator.authenticate(token);
        if (viewer == null) {
            throw unauthorized(ctx, "the token is not valid: unknown, deleted or expired");
        }
        ctx.attribute(VIEWER, viewer);
    }

    static Viewer viewer(Context ctx) {
        Viewer viewer = ctx.attribute(VIEWER);
        if (viewer == null) {
            throw new IllegalStateException("no viewer: the authentication handler did not run");
        }
        return viewer;
    }

    private static HttpProblem unauthorized(Context ctx, String message) {
        ctx.header("WWW-Authenticate", CHALLENGE);
        return new HttpProblem(401, ErrorCodes.UNAUTHENTICATED, message);
    }
}
