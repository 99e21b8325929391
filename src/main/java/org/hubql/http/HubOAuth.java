package org.hubql.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hubql.graph.ErrorCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a browser in through the hub, as a JupyterHub service's HubOAuth does: it is sent to the hub's authorize
 * endpoint with a random {@code state} that a cookie binds to this browser, comes back to the callback with a
 * code, and hubql exchanges the code for an access token with its client id and secret. The token, sealed, is
 * kept in an HttpOnly cookie confined to the service's path; hubql verifies it against the hub database like any
 * other token on every request.
 */
final class HubOAuth {
    static final String SESSION_COOKIE = "hubql-session";
    static final String STATE_COOKIE = "hubql-oauth-state";
    private static final Logger LOG = LoggerFactory.getLogger(HubOAuth.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int STATE_MAX_AGE_SECONDS = 600;

    private final ServiceMode.Login.OAuth settings;
    private final String callbackRoute;
    private final String cookiePath;
    private final String home;
    private final SessionCookies sessions;
    private final HttpClient client;
    private final ObjectMapper mapper;

    /** @throws IllegalArgumentException when the callback URL is not below the base path, so hubql could not serve it */
    HubOAuth(ServiceMode.Login.OAuth settings, String basePath, ObjectMapper mapper) {
        this.settings = settings;
        this.callbackRoute = callbackRoute(settings, basePath);
        this.cookiePath = basePath.equals("/") ? "/" : basePath + "/";
        this.home = cookiePath;
        this.sessions = new SessionCookies(settings.clientSecret());
        this.client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.mapper = mapper;
    }

    /** The callback's route below the base path, from the redirect URI JupyterHub registered. */
    String callbackRoute() {
        return callbackRoute;
    }

    private static String callbackRoute(ServiceMode.Login.OAuth settings, String basePath) {
        String path = settings.callbackUrl().getPath();
        String prefix = basePath.equals("/") ? "" : basePath;
        if (path == null || !path.startsWith(prefix + "/")) {
            throw new IllegalArgumentException(
                    "the OAuth callback URL " + settings.callbackUrl() + " is not below the base path " + basePath);
        }
        return path.substring(prefix.length());
    }

    /** The token sealed in the browser's session cookie, if it has one that opens. */
    Optional<String> sessionToken(Context ctx) {
        String sealed = ctx.cookie(SESSION_COOKIE);
        return sealed == null ? Optional.empty() : sessions.open(sealed);
    }

    /** Sends the browser to the hub to log in, remembering a fresh state in a cookie. */
    void startLogin(Context ctx) {
        String state = randomToken();
        ctx.cookie(cookie(ctx, STATE_COOKIE, state, STATE_MAX_AGE_SECONDS));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", settings.callbackUrl().toString());
        query.put("response_type", "code");
        query.put("state", state);
        ctx.redirect(settings.authorizeUrl() + "?" + form(query));
    }

    /** The hub sends the browser back here with a code and the state; a state this browser was not given is refused. */
    void callback(Context ctx) {
        String expected = ctx.cookie(STATE_COOKIE);
        String state = ctx.queryParam("state");
        ctx.removeCookie(STATE_COOKIE, cookiePath);
        if (expected == null
                || state == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
            throw new HttpProblem(
                    403,
                    ErrorCodes.FORBIDDEN,
                    "the login's state does not match this browser's: log in again from " + home);
        }
        String code = ctx.queryParam("code");
        if (code == null || code.isEmpty()) {
            throw new HttpProblem(
                    403,
                    ErrorCodes.FORBIDDEN,
                    "the hub did not grant access: "
                            + Optional.ofNullable(ctx.queryParam("error")).orElse("no code"));
        }
        String token = exchange(code);
        ctx.cookie(cookie(ctx, SESSION_COOKIE, sessions.seal(token), -1));
        ctx.redirect(home);
    }

    /** Forgets the session and sends the browser to the hub's logout. */
    void logout(Context ctx) {
        forget(ctx);
        ctx.redirect(settings.logoutUrl().toString());
    }

    void forget(Context ctx) {
        ctx.removeCookie(SESSION_COOKIE, cookiePath);
    }

    private String exchange(String code) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("client_id", settings.clientId());
        body.put("client_secret", settings.clientSecret());
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", settings.callbackUrl().toString());
        HttpRequest request = HttpRequest.newBuilder(settings.tokenUrl())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(body)))
                .build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode token = response.statusCode() == 200
                    ? mapper.readTree(response.body()).path("access_token")
                    : null;
            if (token == null || !token.isTextual()) {
                LOG.warn("The hub refused a login code at {}: HTTP {}", settings.tokenUrl(), response.statusCode());
                throw new HttpProblem(
                        403, ErrorCodes.FORBIDDEN, "the hub refused the login code: log in again from " + home);
            }
            return token.asText();
        } catch (IOException e) {
            LOG.warn("The hub's token endpoint {} did not answer: {}", settings.tokenUrl(), e.toString());
            throw new HttpProblem(502, ErrorCodes.BAD_GATEWAY, "the hub did not answer the login; try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpProblem(502, ErrorCodes.BAD_GATEWAY, "the login was interrupted; try again");
        }
    }

    /** HttpOnly, SameSite=Lax, confined to the service's path, and Secure when the browser came over HTTPS. */
    private Cookie cookie(Context ctx, String name, String value, int maxAgeSeconds) {
        return new Cookie(name, value, cookiePath, maxAgeSeconds, overHttps(ctx), true, null, SameSite.LAX);
    }

    /**
     * Whether the browser reached the first proxy over HTTPS. Each proxy appends its own hop to
     * {@code X-Forwarded-Proto} (configurable-http-proxy does), so behind TLS at a reverse proxy in front of the
     * hub's proxy it reads {@code https,http}: the first entry is the browser's.
     */
    private static boolean overHttps(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-Proto");
        boolean browser = forwarded != null && "https".equalsIgnoreCase(forwarded.split(",", 2)[0].strip());
        return browser || "https".equalsIgnoreCase(ctx.scheme());
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
