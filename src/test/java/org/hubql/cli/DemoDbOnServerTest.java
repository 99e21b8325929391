package org.hubql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.hubql.demo.ServerDdl;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.ServerDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/** {@code demo-db} populates an empty PostgreSQL or MariaDB database that hubql can then serve, and never a second time. */
@Tag("slow")
class DemoDbOnServerTest {

    @ParameterizedTest
    @EnumSource(ServerDdl.Engine.class)
    void demo_db_fills_an_empty_server_database_once(ServerDdl.Engine engine) {
        try (ServerDatabase database = ServerDatabase.create(engine)) {
            assertThat(run("demo-db", "--users", "40", "--seed", "3", "--out", database.jdbcUrl()))
                    .isZero();
            try (RunningGateway gateway = RunningGateway.serve(database.location(), false)) {
                assertThat(gateway.data("{ hub { userCount jupyterhubVersion } }")
                                .at("/hub/userCount")
                                .asInt())
                        .isEqualTo(40);
                assertThat(gateway.data("{ user(name: \"müller\") { name spawners { name } } }")
                                .at("/user/name")
                                .asText())
                        .isEqualTo("müller");
            }
            assertThat(run("demo-db", "--users", "5", "--out", database.jdbcUrl()))
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerDdl.Engine.class)
    void demo_db_writes_a_5_5_1_hub_with_roles_shares_and_oauth_tokens_in_api_tokens(ServerDdl.Engine engine) {
        try (ServerDatabase database = ServerDatabase.create(engine)) {
            assertThat(run("demo-db", "--users", "200", "--schema", "5.5.1", "--out", database.jdbcUrl()))
                    .isZero();
            try (RunningGateway gateway = RunningGateway.serve(database.location(), false)) {
                JsonNode data = gateway.data(
                        "{ hub { jupyterhubVersion userCount } roles { name users { name } } "
                                + "user(name: \"alice\") { created roles { name } apiTokens { clientId scopes } oauthTokens { prefix client { identifier } } } "
                                + "users(first: 200) { nodes { shares { owner { name } user { name } spawner { name active } } } } }");
                assertThat(data.at("/hub/jupyterhubVersion").asText()).isEqualTo("5.x");
                assertThat(data.at("/hub/userCount").asInt()).isEqualTo(200);
                assertThat(names(data.get("roles"))).containsExactly("admin", "server", "token", "user");
                assertThat(data.at("/roles/3/users")).hasSize(200);
                assertThat(names(data.at("/user/roles"))).containsExactly("user");
                assertThat(data.at("/user/created").isNull()).isFalse();
                assertThat(data.at("/user/apiTokens/0/clientId").asText()).isEqualTo("jupyterhub");
                assertThat(data.at("/user/apiTokens/0/scopes/0").asText()).isEqualTo("inherit");
                assertThat(data.at("/users/nodes").findValues("owner")).isNotEmpty();
                assertThat(data.at("/users/nodes").findValues("active")).allMatch(JsonNode::asBoolean);
            }
        }
    }

    private static int run(String... args) {
        CommandLine commandLine = HubqlCommand.newCommandLine(java.util.Map.of());
        commandLine.setOut(new PrintWriter(new ByteArrayOutputStream(), true));
        commandLine.setErr(new PrintWriter(new ByteArrayOutputStream(), true));
        return commandLine.execute(args);
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(item -> names.add(item.get("name").asText()));
        return names;
    }
}
