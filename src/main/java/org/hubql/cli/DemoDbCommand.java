package org.hubql.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hubql.demo.DemoHub;
import org.hubql.demo.DemoHubException;
import org.hubql.demo.DemoHubSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hubql demo-db}: writes a new demo JupyterHub database for trying hubql, tests and benchmarks. */
@Command(name = "demo-db", mixinStandardHelpOptions = true,
        description = "Write a new demo JupyterHub (0.8 schema) SQLite database with realistic data.")
final class DemoDbCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--users", defaultValue = "1000", description = "How many users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The database file to create; must not exist.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed gives the same hub (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        try {
            DemoHubSummary demo = DemoHub.write(out, users, seed);
            CommandLine cmd = spec.commandLine();
            cmd.getOut().printf("Wrote a demo hub with %d users to %s%n", demo.users(), demo.file());
            cmd.getOut().printf("Demo tokens: admin %s=%s, user %s=%s, service %s=%s%n", demo.adminName(), demo.adminToken(),
                    demo.userName(), demo.userToken(), demo.serviceName(), demo.serviceToken());
            return HubqlCommand.EXIT_OK;
        } catch (DemoHubException e) {
            spec.commandLine().getErr().println("hubql: " + e.getMessage());
            return HubqlCommand.EXIT_USAGE;
        }
    }
}
