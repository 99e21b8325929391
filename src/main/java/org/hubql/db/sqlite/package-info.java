/**
 * In-memory indexes of a SQLite hub, for the relations whose key column JupyterHub's tables do not index; reached only
 * through {@link org.hubql.db.sqlite.HubIndexes} and {@link org.hubql.db.sqlite.Lookup}. Depends on JDBC and SQLite
 * alone. Nullness: every type in a signature here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package org.hubql.db.sqlite;

import org.jspecify.annotations.NullMarked;
