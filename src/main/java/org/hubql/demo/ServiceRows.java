package org.hubql.demo;

import java.sql.SQLException;

/**
 * The services of the demo hub's config: {@code cull-idle} (admin, no server), {@code announcement} (a web
 * service with a server and an OAuth client) and {@code grader}. Their API tokens come from the config, so they
 * are hashed with 16384 rounds. As 0.8 does on every restart, the announcement's previous {@code servers} row is
 * left behind, referenced by no one.
 */
final class ServiceRows {
    static final String ANNOUNCEMENT = "announcement";

    private static final String COOKIE_NAME = "jupyterhub-services";

    private ServiceRows() {}

    /** Writes the services; returns the plaintext API token of {@code announcement}. */
    static String write(DemoRows rows, DemoRandom random, TokenMinter tokens, ClientSecrets secrets)
            throws SQLException {
        String baseUrl = "/services/" + ANNOUNCEMENT + "/";
        rows.server(random.port(), baseUrl, COOKIE_NAME);
        long serverId = rows.server(random.port(), baseUrl, COOKIE_NAME);

        long cullIdle = rows.service("cull-idle", true, null, null);
        long announcement = rows.service(ANNOUNCEMENT, false, serverId, random.between(2000, 65000));
        long grader = rows.service("grader", false, null, null);

        tokens.serviceApiToken(cullIdle);
        String announcementToken = tokens.serviceApiToken(announcement);
        tokens.serviceApiToken(grader);
        rows.oauthClient(
                "service-" + ANNOUNCEMENT, secrets.hashedSecret(announcementToken), baseUrl + "oauth_callback");
        return announcementToken;
    }
}
