package org.hubql.http;

import java.util.Locale;

/** Content negotiation of the GraphQL-over-HTTP spec: which response type the client accepts. */
final class MediaTypes {
    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    static final String JSON = "application/json";

    /**
     * The {@code Content-Type} of each kind of GraphQL answer, spelled as Jetty spells a known type (and reports it
     * back to Javalin's compression, which compares it as text).
     */
    static final String GRAPHQL_RESPONSE_UTF8 = GRAPHQL_RESPONSE + ";charset=utf-8";

    static final String JSON_UTF8 = JSON + ";charset=utf-8";

    /** The {@code Content-Type} of a GraphQL answer of {@code responseType} ({@link #negotiate}). */
    static String answerType(String responseType) {
        return responseType.equals(GRAPHQL_RESPONSE) ? GRAPHQL_RESPONSE_UTF8 : JSON_UTF8;
    }

    private MediaTypes() {
        // non-constructable
    }

    /**
     * The response type for an {@code Accept} header: {@code application/graphql-response+json} when the client
     * names it first, {@code application/json} when it accepts that or anything; null when it accepts neither.
     */
    static String negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        String best = null;
        double bestQuality = 0;
        for (String part : accept.split(",")) {
            String[] params = part.trim().split(";");
            String type = params[0].trim().toLowerCase(Locale.ROOT);
            double quality = quality(params);
            String candidate = switch (type) {
                case GRAPHQL_RESPONSE -> GRAPHQL_RESPONSE;
                case JSON, "application/*", "*/*" -> JSON;
                default -> null;
            };
            if (candidate != null && quality > bestQuality) {
                best = candidate;
                bestQuality = quality;
            }
        }
        return best;
    }

    private static double quality(String[] params) {
        for (int i = 1; i < params.length; i++) {
            String param = params[i].trim();
            if (param.startsWith("q=")) {
                try {
                    return Double.parseDouble(param.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** True when a request's {@code Content-Type} is JSON (any charset parameter must be UTF-8). */
    static boolean isJsonBody(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase(JSON)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim().toLowerCase(Locale.ROOT);
            if (param.startsWith("charset=")
                    && !param.substring(8).replace("\"", "").equals("utf-8")) {
                return false;
            }
        }
        return true;
    }
}
