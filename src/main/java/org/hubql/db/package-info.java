/**
 * The hub database: the pool and engine (Database, Sql, Dialect, Row), and all SQL, one {@code *Queries} class per
 * table. The SQLite acceleration lives in {@code db.sqlite}. Nullness: every type in a signature here is non-null
 * unless marked {@code @Nullable}.
 */
@NullMarked
package org.hubql.db;

import org.jspecify.annotations.NullMarked;
