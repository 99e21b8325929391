package org.hubql.db;

/** Every query object of one hub database, built once from its schema; all are stateless and thread-safe. */
public record Queries(UserQueries users, SpawnerQueries spawners, ServerQueries servers, ServiceQueries services,
                      GroupQueries groups, TokenQueries tokens, OAuthQueries oauth, HubQueries hub,
                      StateQueries states) {

    public static Queries forSchema(HubSchema schema) {
        return new Queries(new UserQueries(schema), new SpawnerQueries(schema), new ServerQueries(schema),
                new ServiceQueries(schema), new GroupQueries(), new TokenQueries(schema), new OAuthQueries(schema),
                new HubQueries(), new StateQueries());
    }
}
