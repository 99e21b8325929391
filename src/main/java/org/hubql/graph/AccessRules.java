package org.hubql.graph;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code @scope} and {@code @public} declarations of the executable schema, read once: what each object type
 * needs for one of its objects to be visible, and what each field needs to be read. A field without a
 * declaration needs what its type's {@code @scope} needs; a field of a {@code @public} type, or of an undeclared
 * one, needs a declaration of its own, so nothing added later is readable by accident.
 */
final class AccessRules {
    static final String SCOPE = "scope";
    static final String PUBLIC = "public";

    private final GraphQLObjectType queryType;
    private final Map<String, Rule> types = new HashMap<>();
    private final Map<GraphQLFieldDefinition, Rule> fields = new HashMap<>();
    private final Set<String> scopes = new TreeSet<>();

    AccessRules(GraphQLSchema schema) {
        this.queryType = schema.getQueryType();
        for (GraphQLNamedType named : schema.getAllTypesAsList()) {
            if (named instanceof GraphQLObjectType type && !type.getName().startsWith("__")) {
                Rule typeRule = declared(type);
                types.put(type.getName(), typeRule);
                Rule inherited = typeRule instanceof Rule.Scopes ? typeRule : Rule.UNDECLARED;
                for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                    Rule fieldRule = declared(field);
                    fields.put(field, fieldRule instanceof Rule.Undeclared ? inherited : fieldRule);
                }
            }
        }
    }

    private Rule declared(GraphQLDirectiveContainer element) {
        if (element.hasAppliedDirective(PUBLIC)) {
            return Rule.PUBLIC;
        }
        GraphQLAppliedDirective scope = element.getAppliedDirective(SCOPE);
        if (scope == null) {
            return Rule.UNDECLARED;
        }
        List<String> any = scope.getArgument("any").getValue();
        List<String> all = scope.getArgument("all").getValue();
        Rule rule = all != null
                ? new Rule.Scopes(List.copyOf(all), true)
                : new Rule.Scopes(List.copyOf(any == null ? List.of() : any), false);
        scopes.addAll(((Rule.Scopes) rule).scopes());
        return rule;
    }

    boolean isQuery(GraphQLObjectType type) {
        return type == queryType;
    }

    Rule type(String typeName) {
        return types.getOrDefault(typeName, Rule.UNDECLARED);
    }

    Rule field(GraphQLFieldDefinition field) {
        return fields.getOrDefault(field, Rule.UNDECLARED);
    }

    /** Every scope any declaration names: a token holding all of them unfiltered is checked nowhere. */
    Set<String> scopes() {
        return scopes;
    }
}
