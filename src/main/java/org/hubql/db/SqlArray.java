package org.hubql.db;

import java.util.Collection;

/** Keys passed to PostgreSQL as one array parameter. */
record SqlArray(Object[] values, String sqlType) {

    SqlArray(Collection<?> keys) {
        this(keys.toArray(), keys.stream().findFirst().map(SqlArray::typeOf).orElse("bigint"));
    }

    private static String typeOf(Object key) {
        return key instanceof Number ? "bigint" : "text";
    }
}
