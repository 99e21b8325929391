package org.hubql.graph;

import static graphql.schema.idl.TypeRuntimeWiring.newTypeWiring;

import graphql.schema.DataFetcher;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import java.time.Clock;
import org.hubql.db.HubSchema;
import org.hubql.model.Identified;

/** Every data fetcher of the schema, type by type: one place to find the code behind a field. */
final class Wiring {
    private Wiring() {
        // non-constructable
    }

    static RuntimeWiring newWiring(PageSize pageSize, HubSchema schema, String engine, Clock clock) {
        QueryFetchers query = new QueryFetchers(pageSize, schema, engine, clock);
        GroupFetchers groups = new GroupFetchers(pageSize);
        ListFetchers lists = new ListFetchers(pageSize, new HubColumns(schema));
        ScopeDocs scopeDocs = new ScopeDocs();
        return RuntimeWiring.newRuntimeWiring()
                .codeRegistry(GraphQLCodeRegistry.newCodeRegistry().defaultDataFetcher(RecordFetcher.FACTORY))
                .directive(AccessRules.SCOPE, scopeDocs)
                .directive(AccessRules.PUBLIC, scopeDocs)
                .scalar(Scalars.DATE_TIME)
                .scalar(Scalars.JSON)
                .type(newTypeWiring("Node").typeResolver(byClassName()))
                .type(newTypeWiring("Viewer").typeResolver(byClassName()))
                .type(newTypeWiring("Query")
                        .dataFetcher("node", query.node())
                        .dataFetcher("nodes", query.nodes())
                        .dataFetcher("user", query.user())
                        .dataFetcher("users", query.users())
                        .dataFetcher("group", query.group())
                        .dataFetcher("groups", query.groups())
                        .dataFetcher("spawners", lists.spawners())
                        .dataFetcher("apiTokens", lists.apiTokens())
                        .dataFetcher("service", query.service())
                        .dataFetcher("services", query.services())
                        .dataFetcher("oauthClients", query.oauthClients())
                        .dataFetcher("roles", RoleFetchers.all())
                        .dataFetcher("hub", query.hub())
                        .dataFetcher("viewer", query.viewer())
                        .dataFetcher("me", query.me()))
                .type(newTypeWiring("Me").dataFetcher("viewer", query.viewer()))
                .type(newTypeWiring("Hub")
                        .dataFetcher("activeUsers", HubFetchers.activeUsers())
                        .dataFetcher("activeUsersSince", HubFetchers.activeUsersSince()))
                .type(newTypeWiring("UserConnection").dataFetcher("totalCount", totalCount()))
                .type(newTypeWiring("GroupConnection").dataFetcher("totalCount", totalCount()))
                .type(newTypeWiring("SpawnerConnection").dataFetcher("totalCount", totalCount()))
                .type(newTypeWiring("ApiTokenConnection").dataFetcher("totalCount", totalCount()))
                .type(node("User")
                        .dataFetcher("server", UserFetchers.server())
                        .dataFetcher("spawners", UserFetchers.spawners())
                        .dataFetcher("spawner", UserFetchers.spawner())
                        .dataFetcher("groups", UserFetchers.groups())
                        .dataFetcher("apiTokens", UserFetchers.apiTokens())
                        .dataFetcher("oauthTokens", UserFetchers.oauthTokens())
                        .dataFetcher("oauthCodes", UserFetchers.oauthCodes())
                        .dataFetcher("roles", RoleFetchers.ofUser())
                        .dataFetcher("shares", ShareFetchers.ownedBy())
                        .dataFetcher("receivedShares", ShareFetchers.grantedToUser())
                        .dataFetcher("state", UserFetchers.state()))
                .type(node("Spawner")
                        .dataFetcher("user", SpawnerFetchers.user())
                        .dataFetcher("server", SpawnerFetchers.server())
                        .dataFetcher("active", SpawnerFetchers.active())
                        .dataFetcher("shares", ShareFetchers.ofSpawner())
                        .dataFetcher("shareCodes", ShareFetchers.codesOfSpawner())
                        .dataFetcher("state", SpawnerFetchers.state()))
                .type(node("Server")
                        .dataFetcher("spawner", ServerFetchers.spawner())
                        .dataFetcher("service", ServerFetchers.service()))
                .type(node("Service")
                        .dataFetcher("server", ServerFetchers.serviceServer())
                        .dataFetcher("apiTokens", ServerFetchers.serviceApiTokens())
                        .dataFetcher("roles", RoleFetchers.ofService()))
                .type(node("Group")
                        .dataFetcher("users", groups.users())
                        .dataFetcher("roles", RoleFetchers.ofGroup())
                        .dataFetcher("shares", ShareFetchers.grantedToGroup()))
                .type(node("Role")
                        .dataFetcher("users", RoleFetchers.users())
                        .dataFetcher("groups", RoleFetchers.groups())
                        .dataFetcher("services", RoleFetchers.services()))
                .type(node("Share")
                        .dataFetcher("owner", ShareFetchers.owner())
                        .dataFetcher("spawner", ShareFetchers.spawner())
                        .dataFetcher("user", ShareFetchers.user())
                        .dataFetcher("group", ShareFetchers.group()))
                .type(node("ShareCode")
                        .dataFetcher("owner", ShareFetchers.codeOwner())
                        .dataFetcher("spawner", ShareFetchers.codeSpawner()))
                .type(node("ApiToken")
                        .dataFetcher("user", TokenFetchers.apiTokenUser())
                        .dataFetcher("service", TokenFetchers.apiTokenService()))
                .type(node("OAuthClient").dataFetcher("accessTokens", TokenFetchers.clientAccessTokens()))
                .type(node("OAuthAccessToken")
                        .dataFetcher("grantType", TokenFetchers.grantType())
                        .dataFetcher("client", TokenFetchers.accessTokenClient())
                        .dataFetcher("user", TokenFetchers.accessTokenUser()))
                .type(node("OAuthCode")
                        .dataFetcher("client", TokenFetchers.codeClient())
                        .dataFetcher("user", TokenFetchers.codeUser()))
                .build();
    }

    /** A {@code Node} type: its global {@code id} and its {@code databaseId}. */
    private static TypeRuntimeWiring.Builder node(String type) {
        DataFetcher<?> globalId =
                env -> NodeId.encode(type, env.<Identified>getSource().id());
        DataFetcher<?> databaseId = env -> env.<Identified>getSource().id();
        return newTypeWiring(type).dataFetcher("id", globalId).dataFetcher("databaseId", databaseId);
    }

    /** Counting runs only here, when a query selects {@code totalCount}. */
    private static DataFetcher<?> totalCount() {
        return env -> env.<Connection<?>>getSource().totalCount().get();
    }

    /** Model records carry the name of their GraphQL type. */
    private static TypeResolver byClassName() {
        return env -> objectTypeOf(env.getSchema(), env.getObject());
    }

    /** The object type of a model record; null for any other value. */
    static GraphQLObjectType objectTypeOf(GraphQLSchema schema, Object value) {
        return schema.getObjectType(value.getClass().getSimpleName());
    }
}
