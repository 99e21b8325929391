package org.hubql.http;

/** How the HTTP layer behaves: SQL tracing in responses, and the largest request body accepted. */
public record HttpOptions(boolean trace, long maxRequestBytes) {
}
