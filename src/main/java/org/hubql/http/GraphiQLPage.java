package org.hubql.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * GraphiQL, served from the jar. Behind a hub login, a browser without a valid session is sent to log in first,
 * and the page shows who is logged in with a link to log out.
 */
final class GraphiQLPage {
    private static final String CONFIG_MARK = "/*hubql-config*/{}";

    private final byte[] page;
    private final Authentication authentication;
    private final Optional<HubOAuth> login;

    GraphiQLPage(Authentication authentication, Optional<HubOAuth> login) {
        this.authentication = authentication;
        this.login = login;
        String html = resource("/graphiql/index.html");
        if (!html.contains(CONFIG_MARK)) {
            throw new IllegalStateException("graphiql/index.html lacks its configuration mark " + CONFIG_MARK);
        }
        this.page = html.replace(CONFIG_MARK, "{\"hubLogin\": " + login.isPresent() + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    void serve(Context ctx) {
        if (login.isPresent()) {
            try {
                authentication.check(ctx);
            } catch (HttpProblem problem) {
                if (problem.status() != 401) {
                    throw problem;
                }
                login.get().startLogin(ctx);
                return;
            }
        }
        ctx.header("Cache-Control", "no-store")
                .contentType("text/html; charset=utf-8")
                .result(page);
    }

    private static String resource(String path) {
        try (InputStream in = GraphiQLPage.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
