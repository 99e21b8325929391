package org.hubql.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hubql} command and its subcommands. */
@Command(
        name = "hubql",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "A read-only GraphQL gateway over a JupyterHub database.",
        subcommands = {ServeCommand.class, QueryCommand.class, DemoDbCommand.class, CommandLine.HelpCommand.class})
public final class HubqlCommand implements Runnable {
    /** Returned by {@link #run(String...)} when a server was started and the process must stay up. */
    public static final int KEEP_RUNNING = -1;

    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: serve, query or demo-db");
    }

    public static int run(String... args) {
        return newCommandLine(System.getenv()).execute(args);
    }

    /**
     * The command line with hubql's error handling (a one-line message, never a stack trace) and options taken
     * from {@code environment} where the command line does not give them.
     */
    static CommandLine newCommandLine(Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new HubqlCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == ServeCommand.class) {
                    return type.cast(new ServeCommand(environment));
                }
                if (type == QueryCommand.class) {
                    return type.cast(new QueryCommand(environment));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        commandLine.setDefaultValueProvider(new OptionDefaults(new EnvironmentDefaults(environment)));
        CommandLine.Model.CommandSpec serve =
                commandLine.getSubcommands().get("serve").getCommandSpec();
        serve.usageMessage().footer(EnvironmentDefaults.footer(serve));
        commandLine.setParameterExceptionHandler(HubqlCommand::usageError);
        commandLine.setExecutionExceptionHandler((error, cmd, parsed) -> {
            cmd.getErr().println("hubql: " + error.getMessage());
            return EXIT_FAILURE;
        });
        return commandLine;
    }

    /**
     * A usage error in one line on standard error, with picocli's guesses for a mistyped option or command, and
     * exit code 2; {@code --help} shows the rest.
     */
    private static int usageError(CommandLine.ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        StringBuilder line = new StringBuilder("hubql: ").append(error.getMessage());
        if (error instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()) {
            line.append("; did you mean ")
                    .append(String.join(" or ", unmatched.getSuggestions()))
                    .append('?');
        }
        line.append(" (see ").append(command.getCommandSpec().qualifiedName()).append(" --help)");
        command.getErr().println(line);
        return EXIT_USAGE;
    }
}
