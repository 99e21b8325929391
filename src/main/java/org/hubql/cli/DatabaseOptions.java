package org.hubql.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.hubql.db.DatabaseLocation;
import picocli.CommandLine.Option;

/** Where the hub database is and how to log in to it, as {@code serve} and {@code query} take them. */
final class DatabaseOptions {
    @Option(
            names = "--db",
            paramLabel = "PATH|URL",
            description = "The hub database, opened read-only: a jupyterhub.sqlite "
                    + "path, a JDBC URL (jdbc:postgresql://…, jdbc:mariadb://…, jdbc:mysql://…) or the SQLAlchemy URL of "
                    + "jupyterhub_config.py (postgresql://user@host/db, mysql+pymysql://…).")
    String url;

    @Option(
            names = "--db-password-file",
            paramLabel = "FILE",
            description = "Read the database password from the first "
                    + "line of FILE (else from the environment variable HUBQL_DB_PASSWORD, else from the URL).")
    Path passwordFile;

    /**
     * The database these options name, with its password; empty when {@code --db} is not given.
     *
     * @throws IllegalArgumentException for a URL hubql cannot open or an unreadable password file, with a message
     *     for the user
     */
    Optional<DatabaseLocation> location(Map<String, String> environment) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DatabaseLocation.parse(url).withPasswordFrom(passwordFile, environment));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read --db-password-file " + passwordFile + ": " + Problems.describe(e));
        }
    }
}
