package org.hubql.graph;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.hubql.graph.plan.ViewerReads;
import org.hubql.model.Identified;
import org.hubql.scopes.Grants;
import org.hubql.scopes.Reach;
import org.hubql.scopes.Subject;
import org.hubql.scopes.Viewer;
import org.jspecify.annotations.Nullable;

/**
 * One request's viewer against the schema's {@link AccessRules}: whether a field may be read on an object, and
 * whether an object found at the root may be shown. A viewer whose token holds every declared scope unfiltered
 * is not restricted, and nothing is checked for it.
 */
final class Access implements ViewerReads {
    private final Viewer viewer;
    private final AccessRules rules;
    private final boolean restricted;

    Access(Viewer viewer, AccessRules rules) {
        this.viewer = viewer;
        this.rules = rules;
        this.restricted = !viewer.grants().coversAll(rules.scopes());
    }

    Viewer viewer() {
        return viewer;
    }

    Grants grants() {
        return viewer.grants();
    }

    AccessRules rules() {
        return rules;
    }

    boolean restricted() {
        return restricted;
    }

    @Override
    public boolean readsEverywhere(GraphQLObjectType parent, GraphQLFieldDefinition field) {
        return !restricted || unconditional(rules.field(field));
    }

    @Override
    public boolean allows(GraphQLObjectType parent, GraphQLFieldDefinition field, Object source, boolean atRoot) {
        return allows(rules.field(field), source, atRoot);
    }

    /** Whether the rule lets this viewer read on any object: it is public, or its scopes are held unfiltered. */
    private boolean unconditional(Rule rule) {
        if (rule instanceof Rule.Public) {
            return true;
        }
        if (!(rule instanceof Rule.Scopes scopes)) {
            return false;
        }
        for (String scope : scopes.scopes()) {
            boolean everywhere = viewer.grants().reach(scope) instanceof Reach.Everything;
            if (everywhere != scopes.all()) {
                return everywhere;
            }
        }
        return scopes.all();
    }

    /** Whether the rule lets this viewer read on {@code source}; at the root, a scope held with any filter will do. */
    boolean allows(Rule rule, Object source, boolean atRoot) {
        if (rule instanceof Rule.Public) {
            return true;
        }
        if (!(rule instanceof Rule.Scopes scopes)) {
            return !restricted;
        }
        for (String scope : scopes.scopes()) {
            boolean allowed = viewer.grants().allows(scope, atRoot ? Subject.ROOT : Subjects.of(source, scope));
            if (allowed != scopes.all()) {
                return allowed;
            }
        }
        return scopes.all();
    }

    /** Whether an object may be shown on its own: its type's rule covers it. Pages and the hub are always shown. */
    boolean visible(GraphQLSchema schema, Object object) {
        if (!(object instanceof Identified)) {
            return true;
        }
        GraphQLObjectType type = Wiring.objectTypeOf(schema, object);
        return type != null && allows(rules.type(type.getName()), object, false);
    }

    /**
     * A root field's value without the objects the viewer may not see: null in their place for a single object,
     * or in a list, left out (or null in place, for {@code keepPositions}).
     */
    @Override
    @Nullable
    public Object visibleOnly(GraphQLSchema schema, @Nullable Object value, boolean keepPositions) {
        if (!restricted) {
            return value;
        }
        if (value instanceof CompletionStage<?> stage) {
            return stage.thenApply(done -> visibleOnly(schema, done, keepPositions))
                    .toCompletableFuture();
        }
        if (value instanceof List<?> list) {
            List<Object> kept = new ArrayList<>(list.size());
            for (Object element : list) {
                if (element != null && visible(schema, element)) {
                    kept.add(element);
                } else if (keepPositions) {
                    kept.add(null);
                }
            }
            return kept;
        }
        return value == null || visible(schema, value) ? value : null;
    }
}
