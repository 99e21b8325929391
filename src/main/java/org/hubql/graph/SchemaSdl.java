package org.hubql.graph;

import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.idl.SchemaPrinter;

/**
 * The executable schema as SDL, saying exactly what introspection says: every directive the schema knows (the
 * built-in ones such as {@code @defer} included), descriptions, deprecations, {@code @specifiedBy} and
 * {@code @oneOf}. The uses of {@code @scope} and {@code @public} are left out, as introspection cannot show applied
 * directives; what they declare is in each description ({@link ScopeDocs}).
 */
public final class SchemaSdl {
    private static final SchemaPrinter PRINTER = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
            .includeSchemaDefinition(true)
            .includeSchemaElement(SchemaSdl::visibleToIntrospection));

    private SchemaSdl() {
        // non-constructable
    }

    public static String print(GraphQLSchema schema) {
        return PRINTER.print(schema);
    }

    private static boolean visibleToIntrospection(GraphQLSchemaElement element) {
        return !(element instanceof GraphQLAppliedDirective applied
                && (applied.getName().equals(AccessRules.SCOPE)
                        || applied.getName().equals(AccessRules.PUBLIC)));
    }
}
