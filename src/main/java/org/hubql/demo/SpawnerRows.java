package org.hubql.demo;

import java.sql.SQLException;

/**
 * Writes spawners. A running one also gets what a 0.8.1 spawn leaves behind: a {@code servers} row, an API token
 * for the server, an OAuth client whose secret is that token, and the user's OAuth access token for it.
 */
final class SpawnerRows {
    private static final String COOKIE_NAME = "cookie";
    private static final long RUNNING_ACTIVITY_SPAN = HubTime.DAY_MICROS / 24;
    private static final long STOPPED_ACTIVITY_SPAN = 3 * HubTime.DAY_MICROS;
    private static final long CODE_LIFETIME_SECONDS = 600;
    private static final double CODE_SHARE = 0.04;
    private static final double SECOND_ACCESS_TOKEN_SHARE = 0.10;

    private final DemoRows rows;
    private final DemoRandom random;
    private final TokenMinter tokens;
    private final ClientSecrets secrets;

    SpawnerRows(DemoRows rows, DemoRandom random, TokenMinter tokens, ClientSecrets secrets) {
        this.rows = rows;
        this.random = random;
        this.tokens = tokens;
        this.secrets = secrets;
    }

    void write(long userId, String userName, SpawnerPlan plan, Long userActivity) throws SQLException {
        switch (plan.status()) {
            case NEVER_STARTED -> rows.spawner(userId, null, null, plan.name(), null);
            case STOPPED ->
                rows.spawner(userId, null, "{}", plan.name(), activity(userActivity, STOPPED_ACTIVITY_SPAN));
            case RUNNING -> writeRunning(userId, userName, plan.name(), userActivity);
        }
    }

    /** A spawner that looks running but whose {@code server_id} names a {@code servers} row that does not exist. */
    void writeDangling(long userId, String serverName) throws SQLException {
        long missingServerId = rows.lastServerId() + 1;
        rows.spawner(
                userId,
                missingServerId,
                pidState(),
                serverName,
                activity(HubTime.recent(random, 60), STOPPED_ACTIVITY_SPAN));
    }

    private void writeRunning(long userId, String userName, String serverName, Long userActivity) throws SQLException {
        String userUrl = "/user/" + UrlQuote.quote(userName, "@") + "/";
        String serverUrl = serverName.isEmpty() ? userUrl : userUrl + serverName + "/";
        long serverId = rows.server(random.port(), serverUrl, COOKIE_NAME);
        rows.spawner(userId, serverId, pidState(), serverName, activity(userActivity, RUNNING_ACTIVITY_SPAN));

        String apiToken = tokens.userApiToken(userId);
        String clientId = clientId(userName, serverName);
        String redirectUri = serverUrl + "oauth_callback";
        rows.oauthClient(clientId, secrets.hashedSecret(apiToken), redirectUri);
        tokens.oauthAccessToken(clientId, userId);
        if (random.chance(SECOND_ACCESS_TOKEN_SHARE)) {
            tokens.oauthAccessToken(clientId, userId);
        }
        if (userName.equals(UserNames.USER) || random.chance(CODE_SHARE)) {
            long issued = HubTime.epochSeconds(HubTime.recent(random, 60));
            rows.oauthCode(clientId, random.uuid4(), issued + CODE_LIFETIME_SECONDS, redirectUri, userId);
        }
    }

    /** 0.8.1's client id: the fully quoted user name, then the quoted server name for a named server. */
    static String clientId(String userName, String serverName) {
        String clientId = "user-" + UrlQuote.quote(userName);
        return serverName.isEmpty() ? clientId : clientId + "-" + UrlQuote.quote(serverName);
    }

    private String pidState() {
        return "{\"pid\": " + random.between(2000, 65000) + "}";
    }

    private String activity(Long userActivity, long span) {
        return userActivity == null ? null : HubTime.text(HubTime.shortlyBefore(random, userActivity, span));
    }
}
