package org.hubql.graph;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.idl.SchemaDirectiveWiring;
import graphql.schema.idl.SchemaDirectiveWiringEnvironment;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes each {@code @scope} and {@code @public} declaration into the description of its type or field, so that
 * GraphiQL's documentation shows what reading it needs.
 */
final class ScopeDocs implements SchemaDirectiveWiring {

    @Override
    public GraphQLObjectType onObject(SchemaDirectiveWiringEnvironment<GraphQLObjectType> environment) {
        GraphQLObjectType type = environment.getElement();
        String note = note(environment.getAppliedDirective(), "Visible with");
        return type.transform(builder -> builder.description(join(type.getDescription(), note)));
    }

    @Override
    public GraphQLFieldDefinition onField(SchemaDirectiveWiringEnvironment<GraphQLFieldDefinition> environment) {
        GraphQLFieldDefinition field = environment.getElement();
        String note = note(environment.getAppliedDirective(), "Needs");
        return field.transform(builder -> builder.description(join(field.getDescription(), note)));
    }

    private static String note(GraphQLAppliedDirective directive, String verb) {
        if (directive.getName().equals(AccessRules.PUBLIC)) {
            return "Readable by anyone who reached it.";
        }
        List<String> all = directive.getArgument("all").getValue();
        List<String> any = directive.getArgument("any").getValue();
        List<String> scopes = all != null ? all : any;
        String listed = scopes.stream().map(scope -> "`" + scope + "`").collect(Collectors.joining(", "));
        return verb + (all != null ? " all of the scopes " : scopes.size() == 1 ? " the scope " : " one of the scopes ")
                + listed + ".";
    }

    private static String join(String description, String note) {
        return description == null || description.isBlank() ? note : description + "\n\n" + note;
    }
}
