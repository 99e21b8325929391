package org.hubql.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hubql.db.DatabaseLocation;
import org.hubql.demo.DemoHub;
import org.hubql.demo.DemoHubException;
import org.hubql.demo.DemoHubSummary;
import org.hubql.demo.DemoServerHub;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hubql demo-db}: writes a new demo JupyterHub database for trying hubql, tests and benchmarks. */
@Command(
        name = "demo-db",
        mixinStandardHelpOptions = true,
        description =
                "Write a new demo JupyterHub (0.8.1 or 5.5.1 schema) database with realistic data: a new SQLite file, "
                        + "or the tables and rows in an empty PostgreSQL or MariaDB/MySQL database.")
final class DemoDbCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--users", defaultValue = "1000", description = "How many users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE|URL",
            description = "The database file to create (must not "
                    + "exist), or a JDBC/SQLAlchemy URL of an empty PostgreSQL or MariaDB/MySQL database.")
    String out;

    @Option(
            names = "--db-password-file",
            paramLabel = "FILE",
            description = "Read the database password from the first "
                    + "line of FILE (else from HUBQL_DB_PASSWORD, else from the URL).")
    Path passwordFile;

    @Option(
            names = "--schema",
            defaultValue = "0.8.1",
            paramLabel = "VERSION",
            description = "The JupyterHub schema: "
                    + "0.8.1, or 5.5.1 (adds roles, shares, OAuth tokens in api_tokens) (default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Random seed; the same seed gives the same hub (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        try {
            DatabaseLocation target = DatabaseLocation.parse(out).withPasswordFrom(passwordFile, System.getenv());
            DemoHubSummary demo = target.file() != null
                    ? DemoHub.write(target.file(), users, seed, schema)
                    : DemoServerHub.write(target.jdbcUrl(), target.user(), target.password(), users, seed, schema);
            CommandLine cmd = spec.commandLine();
            cmd.getOut()
                    .printf(
                            "Wrote a demo hub with %d users to %s%n",
                            demo.users(), target.file() != null ? demo.file() : target);
            cmd.getOut()
                    .printf(
                            "Demo tokens: admin %s=%s, user %s=%s, service %s=%s%n",
                            demo.adminName(),
                            demo.adminToken(),
                            demo.userName(),
                            demo.userToken(),
                            demo.serviceName(),
                            demo.serviceToken());
            return HubqlCommand.EXIT_OK;
        } catch (IllegalArgumentException | IOException e) {
            spec.commandLine().getErr().println("hubql: " + e.getMessage());
            return HubqlCommand.EXIT_USAGE;
        } catch (DemoHubException e) {
            spec.commandLine().getErr().println("hubql: " + e.getMessage());
            return HubqlCommand.EXIT_USAGE;
        }
    }
}
