package org.hubql.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Optional;
import org.hubql.auth.TokenAuthenticator;
import org.hubql.graph.ErrorCodes;
import org.hubql.scopes.FilterKind;
import org.hubql.scopes.Viewer;

/**
 * The before-handler of the GraphQL routes: resolves the request's {@link Viewer}, or answers {@code 401} (no
 * valid token) or {@code 403} (a token that may not use this service). The token itself is never logged nor
 * echoed back.
 */
abstract class Authentication {
    private static final String VIEWER = "hubql.viewer";

    /** Authentication off ({@code --no-auth}): every request is the local operator, who holds every scope. */
    static Authentication open() {
        return new Authentication() {
            @Override
            void check(Context ctx) {
                ctx.attribute(VIEWER, Viewer.local());
            }
        };
    }

    /** JupyterHub tokens: in a header, as {@code ?token=} on a GET, or sealed in the session of a hub login. */
    static Authentication byToken(TokenAuthenticator authenticator, ServiceMode service, Optional<HubOAuth> login) {
        return new ByToken(authenticator, service, login);
    }

    abstract void check(Context ctx);

    static Viewer viewer(Context ctx) {
        Viewer viewer = ctx.attribute(VIEWER);
        if (viewer == null) {
            throw new IllegalStateException("no viewer: the authentication handler did not run");
        }
        return viewer;
    }

    private static final class ByToken extends Authentication {
        private static final String CHALLENGE = "Bearer realm=\"hubql\", charset=\"UTF-8\"";

        private final TokenAuthenticator authenticator;
        private final ServiceMode service;
        private final Optional<HubOAuth> login;

        ByToken(TokenAuthenticator authenticator, ServiceMode service, Optional<HubOAuth> login) {
            this.authenticator = authenticator;
            this.service = service;
            this.login = login;
        }

        @Override
        void check(Context ctx) {
            if (ctx.method() == HandlerType.OPTIONS) {
                return; // a CORS preflight carries no token and reads nothing
            }
            String token = TokenAuthenticator.tokenFromHeader(ctx.header("Authorization"));
            if (token == null && ctx.method() == HandlerType.GET) {
                token = ctx.queryParam("token");
            }
            boolean fromSession = token == null;
            if (fromSession) {
                token = login.flatMap(oauth -> oauth.sessionToken(ctx)).orElse(null);
            }
            if (token == null) {
                throw unauthorized(
                        ctx,
                        "authentication required: send a JupyterHub token as `Authorization: token <token>`"
                                + (login.isPresent() ? " or log in through the hub" : ""));
            }
            if (fromSession && ctx.method() == HandlerType.POST && !SameOrigin.of(ctx)) {
                throw new HttpProblem(
                        403,
                        ErrorCodes.FORBIDDEN,
                        "a cross-site request with the login cookie is refused: send the token in a header instead");
            }
            Viewer viewer = authenticator.authenticate(token);
            if (viewer == null) {
                if (fromSession) {
                    login.ifPresent(oauth -> oauth.forget(ctx));
                }
                throw unauthorized(ctx, "the token is not valid: unknown, deleted or expired");
            }
            if (service instanceof ServiceMode.Service named
                    && !viewer.grants().scopes().covers("access:services", FilterKind.SERVICE, named.name())) {
                throw new HttpProblem(
                        403,
                        ErrorCodes.FORBIDDEN,
                        "this token may not use the service " + named.name()
                                + ": it needs the scope access:services!service=" + named.name());
            }
            ctx.attribute(VIEWER, viewer);
        }

        private static HttpProblem unauthorized(Context ctx, String message) {
            ctx.header("WWW-Authenticate", CHALLENGE);
            return new HttpProblem(401, ErrorCodes.UNAUTHENTICATED, message);
        }
    }
}
