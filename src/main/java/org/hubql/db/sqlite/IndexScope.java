package org.hubql.db.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * How the indexes reach the database for one question, supplied by the statement runner of the request asking it:
 * the pooled connection the question is asked on (borrowed on first use, so a question nobody can answer borrows
 * nothing), and how an index's build statement runs there.
 */
public interface IndexScope {

    /** The pooled connection this question is asked on; a statement planned from the answer must run on it too. */
    Connection connection() throws SQLException;

    /** Runs an index's build statement on {@link #connection()} as the request runs its statements, and reads its one row. */
    Packed scan(String select) throws SQLException;

    /** Records a rebuild as upkeep of the request: work that depends on the pool's state, not on the query. */
    void rebuilt(String select, int entries, long nanos);

    /** The one row of a build statement: a {@code group_concat} of packed ids (null for no row) and the rows that did not pack. */
    record Packed(@Nullable String text, long beyond) {}
}
