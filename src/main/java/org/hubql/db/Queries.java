package org.hubql.db;

/** Every query object of one hub database, built once from its schema; all are stateless and thread-safe. */
public record Queries(
        UserQueries users,
        SpawnerQueries spawners,
        ServerQueries servers,
        ServiceQueries services,
        GroupQueries groups,
        TokenQueries tokens,
        OAuthQueries oauth,
        RoleQueries roles,
        ShareQueries shares,
        HubQueries hub,
        StateQueries states,
        SpawnerPages spawnerPages,
        TokenPages tokenPages) {

    public static Queries forSchema(HubSchema schema) {
        return new Queries(
                new UserQueries(schema),
                new SpawnerQueries(schema),
                new ServerQueries(schema),
                new ServiceQueries(schema),
                new GroupQueries(schema),
                new TokenQueries(schema),
                new OAuthQueries(schema),
                new RoleQueries(schema),
                new ShareQueries(schema),
                new HubQueries(schema),
                new StateQueries(),
                new SpawnerPages(schema),
                new TokenPages(schema));
    }
}
