package org.hubql.http;

import io.javalin.http.Context;
import java.net.URI;

/**
 * Whether a browser request comes from a page of the same origin, so that a login cookie may authorize it: the
 * browser's {@code Sec-Fetch-Site} says so, or its {@code Origin} names the host the request was sent to (behind the
 * hub's proxy, the public host the browser sees). A request with neither is refused.
 */
final class SameOrigin {
    private SameOrigin() {
        // non-constructable
    }

    static boolean of(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin");
        }
        String origin = ctx.header("Origin");
        String host = ctx.header("X-Forwarded-Host") != null ? ctx.header("X-Forwarded-Host") : ctx.header("Host");
        if (origin == null || host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
