package org.hubql.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hubql.auth.AuthOptions;
import org.hubql.auth.TokenAuthenticator;
import org.hubql.db.Database;
import org.hubql.db.DatabaseLocation;
import org.hubql.db.DatabaseOpenException;
import org.hubql.db.SqlTrace;
import org.hubql.graph.GraphOptions;
import org.hubql.graph.GraphRequest;
import org.hubql.graph.HubGraph;
import org.hubql.graph.ResponseBody;
import org.hubql.http.ResponseJson;
import org.hubql.scopes.Viewer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hubql query}: runs one GraphQL operation against the hub database, read-only and without a server, and
 * prints the answer as {@code POST /graphql} would give it.
 */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        description = {
            "Run one GraphQL operation against the hub database, without a server, and print the JSON answer"
                    + " (as POST /graphql gives it) on standard output.",
            "Exit code 0: the answer has no errors; 1: it has errors; 2: bad arguments, database or token."
        })
final class QueryCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Parameters(
            arity = "0..1",
            paramLabel = "QUERY",
            description = "The GraphQL document, or - to read it from standard input.")
    String document;

    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            description = "Read the GraphQL document from FILE.")
    Path file;

    @Option(names = "--variables", paramLabel = "JSON", description = "The operation's variables, a JSON object.")
    String variables;

    @Option(names = "--operation", paramLabel = "NAME", description = "Which operation of the document to run.")
    String operation;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "Run as the owner of this JupyterHub token, with its scopes, as over HTTP"
                    + " (HUBQL_TOKEN keeps it out of the process list).")
    String token;

    @Option(
            names = "--as-admin",
            description = "Run with every scope, as serve --no-auth does: whoever can read the database file"
                    + " or its password can read everything anyway.")
    boolean asAdmin;

    /** Where {@code -} reads the document from; a test may replace it. */
    InputStream stdin = System.in;

    private final Map<String, String> environment;

    QueryCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() {
        GraphRequest request = new GraphRequest(document(), operation, variables());
        DatabaseLocation location = location();
        boolean byToken = token != null && !token.isEmpty();
        if (byToken == asAdmin) {
            throw usage(
                    asAdmin
                            ? "give --token (or HUBQL_TOKEN) or --as-admin, not both"
                            : "say whom the query runs for: --token TOKEN (or HUBQL_TOKEN) or --as-admin");
        }
        try (Database hub = Database.open(location)) {
            Optional<Viewer> viewer = asAdmin
                    ? Optional.of(Viewer.local())
                    : Optional.ofNullable(new TokenAuthenticator(hub, AuthOptions.defaults()).authenticate(token));
            if (viewer.isEmpty()) {
                return failure("the token is not valid: unknown, deleted or expired");
            }
            ExecutionResult result =
                    new HubGraph(hub, GraphOptions.defaults()).execute(request, new SqlTrace(false), viewer.get());
            byte[] answer = new ResponseJson(JSON).write(ResponseBody.of(result, Map.of()));
            spec.commandLine().getOut().println(new String(answer, StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
            return result.getErrors().isEmpty() ? HubqlCommand.EXIT_OK : HubqlCommand.EXIT_FAILURE;
        } catch (DatabaseOpenException e) {
            return failure(e.getMessage());
        }
    }

    private String document() {
        if ((document == null) == (file == null)) {
            throw usage("give the GraphQL document as QUERY, as - (standard input) or with --file, once");
        }
        String text = file != null ? read(file) : document.equals("-") ? readStandardInput() : document;
        if (text.isBlank()) {
            throw usage("the GraphQL document is empty");
        }
        return text;
    }

    private String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw usage("cannot read --file " + path + ": " + Problems.describe(e));
        }
    }

    private String readStandardInput() {
        try {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw usage("cannot read the document from standard input: " + Problems.describe(e));
        }
    }

    private Map<String, Object> variables() {
        if (variables == null || variables.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> parsed = JSON.readValue(variables, new TypeReference<Map<String, Object>>() {});
            return parsed == null ? Map.of() : parsed;
        } catch (JsonProcessingException e) {
            throw usage("--variables is not a JSON object: " + e.getOriginalMessage());
        }
    }

    private DatabaseLocation location() {
        try {
            return database.location(environment)
                    .orElseThrow(() -> usage("name the hub database: --db PATH|URL (or HUBQL_DB)"));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private int failure(String message) {
        spec.commandLine().getErr().println("hubql: " + message);
        return HubqlCommand.EXIT_USAGE;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
