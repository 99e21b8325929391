package org.hubql.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates the JupyterHub 0.8.1 tables exactly as its ORM does and stamps the alembic head. */
final class DemoSchema {
    static final String ALEMBIC_REVISION = "3ec6993fe20c";

    private static final String RESOURCE = "/demo/schema-0.8.1.sql";

    private DemoSchema() {}

    static void create(Connection connection) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : ddl().split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql.strip());
                }
            }
            statement.executeUpdate("INSERT INTO alembic_version (version_num) VALUES ('" + ALEMBIC_REVISION + "')");
        }
    }

    static String ddl() throws IOException {
        try (InputStream in = DemoSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("resource " + RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
