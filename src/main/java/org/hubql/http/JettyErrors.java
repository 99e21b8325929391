package org.hubql.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.hubql.graph.ErrorCodes;

/**
 * The answer to requests Jetty refuses before any route sees them (a path outside the base path, a malformed
 * request line): the same JSON error body as every other answer, instead of Jetty's HTML page.
 */
final class JettyErrors implements Request.Handler {
    private final ObjectMapper mapper;

    JettyErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String message = status == 404
                ? "no such path: " + request.getHttpURI().getPath()
                : "the request was refused (HTTP " + status + ")";
        try {
            byte[] body = mapper.writeValueAsBytes(
                    GraphQLHandler.errorBody(message, status == 404 ? ErrorCodes.NOT_FOUND : ErrorCodes.BAD_REQUEST));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
