package org.hubql.http;

import java.net.URI;

/**
 * Whether hubql runs as a JupyterHub service. As a service, every request needs {@code access:services} for the
 * service's name, as JupyterHub's own services require, and people may log in through the hub.
 */
public sealed interface ServiceMode {

    /** Not a JupyterHub service: tokens in headers (or {@code ?token=}) only. */
    record Standalone() implements ServiceMode {}

    /** A service named {@code name}; {@code login} says how a browser without a token logs in. */
    record Service(String name, Login login) implements ServiceMode {}

    /** How a browser without a token logs in. */
    sealed interface Login {
        /** It does not: it pastes a token into GraphiQL's headers. */
        record None() implements Login {}

        /**
         * Through the hub's OAuth provider, as a service's HubOAuth does.
         *
         * @param clientSecret the service's API token, which JupyterHub registers as its OAuth client secret
         * @param authorizeUrl where the browser is sent: the hub's {@code /hub/api/oauth2/authorize}
         * @param tokenUrl     where hubql exchanges the code: the hub API's {@code /oauth2/token}
         * @param callbackUrl  the redirect URI JupyterHub registered for the service
         * @param logoutUrl    the hub's {@code /hub/logout}, where logging out of hubql ends
         */
        record OAuth(
                String clientId, String clientSecret, URI authorizeUrl, URI tokenUrl, URI callbackUrl, URI logoutUrl)
                implements Login {
            @Override
            public String toString() {
                return "OAuth[clientId=" + clientId + ", authorizeUrl=" + authorizeUrl + ", tokenUrl=" + tokenUrl + "]";
            }
        }
    }

    ServiceMode STANDALONE = new Standalone();
}
