package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.introspection.IntrospectionQueryBuilder;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.NamedNode;
import graphql.language.TypeDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hubql.graph.SchemaSdl;
import org.hubql.testkit.GatewayExtension;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /schema.graphql}: the executable schema, printed so that it says exactly what introspection says. */
class SchemaSdlTest {
    @RegisterExtension
    static final GatewayExtension gateway = GatewayExtension.serving(TestHub::small);

    private static String served() {
        HttpResponse<String> response = gateway.get("/schema.graphql");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        return response.body();
    }

    /** The schema a client rebuilds from the full introspection query, as schema diff tools do. */
    private static GraphQLSchema introspected() throws Exception {
        String query = IntrospectionQueryBuilder.build(IntrospectionQueryBuilder.Options.defaultOptions()
                .schemaDescription(true)
                .specifiedByUrl(true)
                .isOneOf(true)
                .directiveIsRepeatable(true)
                .inputValueDeprecation(true));
        String body = gateway.query(query).toString();
        Map<String, Object> answer = new ObjectMapper().readValue(body, new TypeReference<Map<String, Object>>() {});
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) answer.get("data");
        Document document = new IntrospectionResultToSchema().createSchemaDefinition(data);
        GraphQLSchema schema =
                UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(document));
        // graphql-java's converter drops the schema's own description, which the introspection answer carries
        @SuppressWarnings("unchecked")
        String description = (String) ((Map<String, Object>) data.get("__schema")).get("description");
        assertThat(description).startsWith("hubql: a read-only GraphQL view");
        return GraphQLSchema.newSchema(schema).description(description).build();
    }

    @Test
    void the_served_sdl_is_what_introspection_describes() throws Exception {
        assertThat(served()).isEqualTo(SchemaSdl.print(introspected()));
    }

    @Test
    void it_declares_every_directive_introspection_advertises() {
        assertThat(served())
                .contains("directive @defer(")
                .contains("directive @experimental_disableErrorPropagation on QUERY | MUTATION | SUBSCRIPTION")
                .contains("directive @oneOf on INPUT_OBJECT")
                .contains("directive @specifiedBy(")
                .contains("directive @scope(")
                .contains("directive @public on OBJECT | FIELD_DEFINITION");
    }

    @Test
    void access_is_told_in_descriptions_as_introspection_tells_it() {
        String sdl = served();
        assertThat(sdl).doesNotContainPattern("\\) @scope\\(|\\s@public\\s*$|[a-zA-Z] @public \\{");
        assertThat(sdl).contains("Needs the scope `list:users`.");
    }

    /** The names of a type's fields, enum values or members; not its applied directives. */
    private static List<String> members(TypeDefinition<?> type) {
        return type.getChildren().stream()
                .filter(child -> !(child instanceof Directive))
                .map(child -> child instanceof NamedNode<?> named
                        ? named.getName()
                        : child.getClass().getSimpleName())
                .sorted()
                .toList();
    }

    @Test
    void it_has_every_type_and_field_of_schema_graphqls() throws Exception {
        TypeDefinitionRegistry file = new SchemaParser().parse(Files.readString(Path.of("schema.graphqls")));
        TypeDefinitionRegistry printed = new SchemaParser().parse(served());
        assertThat(printed.types()).containsOnlyKeys(file.types().keySet());
        file.types()
                .forEach((name, type) ->
                        assertThat(members(printed.types().get(name))).as(name).isEqualTo(members(type)));
        assertThat(printed.getDirectiveDefinitions()).containsKeys("scope", "public");
    }
}
