package org.hubql.graph;

import java.util.List;

/** What reading the objects of a type, or a field, needs: the schema's {@code @scope} and {@code @public}. */
sealed interface Rule {

    /** {@code @public}: anyone who reached the object. */
    record Public() implements Rule {}

    /** {@code @scope(any: …)} or {@code @scope(all: …)}. */
    record Scopes(List<String> scopes, boolean all) implements Rule {}

    /** No declaration: refused to every viewer who does not hold every scope (fail closed). */
    record Undeclared() implements Rule {}

    Rule PUBLIC = new Public();
    Rule UNDECLARED = new Undeclared();
}
