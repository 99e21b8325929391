package org.hubql.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.hubql.scopes.Viewer;

/**
 * HTTP caching of GraphQL answers. A successful GET answer carries a strong {@code ETag}, a SHA-256 over the viewer,
 * the media type and the body, and {@code Cache-Control: private, no-cache}: a browser keeps it and revalidates,
 * a shared cache keeps nothing, and an {@code If-None-Match} with the current tag gets a {@code 304} without a body.
 * The viewer is part of the tag, so that one viewer's tag never validates what another was sent. Answers with
 * errors are {@code no-store}.
 */
final class HttpCaching {
    static final String REVALIDATE = "private, no-cache";
    static final String NO_STORE = "no-store";
    /** What the answer to a GET depends on besides its URL. */
    private static final String VARY = "Accept, Accept-Encoding, Authorization, Cookie";

    private HttpCaching() {
        // non-constructable
    }

    /**
     * Sets the caching headers of a successful GET answer; true when the client's copy is current, the status is
     * then {@code 304} and nothing must be written.
     */
    static boolean notModified(Context ctx, Viewer viewer, String mediaType, byte[] body) {
        String tag = entityTag(viewer, mediaType, body);
        ctx.header("ETag", tag);
        ctx.header("Cache-Control", REVALIDATE);
        ctx.res().addHeader("Vary", VARY);
        if (matches(ctx.header("If-None-Match"), tag)) {
            ctx.status(304);
            return true;
        }
        return false;
    }

    static void noStore(Context ctx) {
        ctx.header("Cache-Control", NO_STORE);
    }

    static String entityTag(Viewer viewer, String mediaType, byte[] body) {
        MessageDigest sha256 = sha256();
        sha256.update((viewer.kind() + ":" + viewer.id() + "\n" + mediaType + "\n").getBytes(StandardCharsets.UTF_8));
        sha256.update(body);
        return "\"sha256-" + HexFormat.of().formatHex(sha256.digest()) + "\"";
    }

    /** {@code If-None-Match} compares weakly: {@code W/} is ignored, and {@code *} matches any current answer. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || trimmed.equals(tag) || trimmed.equals("W/" + tag)) {
                return true;
            }
        }
        return false;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
