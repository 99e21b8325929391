package org.hubql.testkit;

import java.util.List;
import org.hubql.db.Database;
import org.hubql.db.ScopeQueries;
import org.hubql.db.Sql;
import org.hubql.db.SqlTrace;
import org.hubql.scopes.Grants;
import org.hubql.scopes.ScopeOwner;
import org.hubql.scopes.TokenScopes;
import org.hubql.scopes.Viewer;

/** Viewers for in-process tests: a token's owner and raw scopes, resolved against the hub database as at login. */
public final class TestViewers {
    private TestViewers() {
        // non-constructable
    }

    /** A viewer holding every scope unfiltered, as an admin's token does. */
    public static Viewer admin(long userId) {
        return new Viewer(Viewer.Kind.USER, userId, Grants.everything());
    }

    /** User {@code id}, whose token holds exactly these raw scopes (and its identify scopes). */
    public static Viewer user(Database database, long id, String... rawScopes) {
        String name = database.queries()
                .users()
                .byIds(sql(database), List.of(id))
                .get(id)
                .name();
        return new Viewer(Viewer.Kind.USER, id, grants(database, ScopeOwner.user(name), rawScopes));
    }

    /** Service {@code id}, whose token holds exactly these raw scopes (and its identify scopes). */
    public static Viewer service(Database database, long id, String... rawScopes) {
        String name = database.queries()
                .services()
                .byIds(sql(database), List.of(id))
                .get(id)
                .name();
        return new Viewer(Viewer.Kind.SERVICE, id, grants(database, ScopeOwner.service(name), rawScopes));
    }

    private static Grants grants(Database database, ScopeOwner owner, String... rawScopes) {
        ScopeQueries queries = new ScopeQueries(database.schema());
        return Grants.resolve(TokenScopes.ofOwner(owner, List.of(rawScopes)), queries.directory(sql(database)));
    }

    private static Sql sql(Database database) {
        return database.newSql(new SqlTrace(false), System.nanoTime() + 10_000_000_000L);
    }
}
