package org.hubql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import org.hubql.demo.ServerDdl;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.ServerDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/** {@code demo-db} populates an empty PostgreSQL or MariaDB database that hubql can then serve, and never a second time. */
class DemoDbOnServerTest {

    @ParameterizedTest
    @EnumSource(ServerDdl.Engine.class)
    void demo_db_fills_an_empty_server_database_once(ServerDdl.Engine engine) {
        try (ServerDatabase database = ServerDatabase.create(engine)) {
            assertThat(run("demo-db", "--users", "40", "--seed", "3", "--out", database.jdbcUrl())).isZero();
            try (RunningGateway gateway = RunningGateway.serve(database.location(), false)) {
                assertThat(gateway.data("{ hub { userCount jupyterhubVersion } }").at("/hub/userCount").asInt()).isEqualTo(40);
                assertThat(gateway.data("{ user(name: \"müller\") { name spawners { name } } }").at("/user/name").asText())
                        .isEqualTo("müller");
            }
            assertThat(run("demo-db", "--users", "5", "--out", database.jdbcUrl())).isEqualTo(2);
        }
    }

    private static int run(String... args) {
        CommandLine commandLine = HubqlCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(new ByteArrayOutputStream(), true));
        commandLine.setErr(new PrintWriter(new ByteArrayOutputStream(), true));
        return commandLine.execute(args);
    }
}
