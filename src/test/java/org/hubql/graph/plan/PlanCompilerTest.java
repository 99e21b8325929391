package org.hubql.graph.plan;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The subset plans cover, on a small schema shaped like hubql's. */
class PlanCompilerTest {
    private static final GraphQLSchema SCHEMA = schema("""
            interface Node { id: ID! }
            type Query { users(first: Int): UserConnection!  user(name: String!): User  hub: Hub!  node(id: ID!): Node }
            type Hub { userCount: Int! }
            type UserConnection { nodes: [User!]!  totalCount: Int! }
            type User implements Node { id: ID!  name: String!  admin: Boolean!  spawners: [Spawner!]!  server: Server }
            type Spawner implements Node { id: ID!  name: String!  server: Server }
            type Server implements Node { id: ID!  url: String  port: Int }
            """);

    @Test
    void a_nested_users_query_compiles_into_selections_in_answer_order() {
        Plan plan = compile("{ users(first: 5) { totalCount nodes { name admin spawners { name server { url port } } "
                        + "server { url } } } }")
                .orElseThrow();
        Selection users = plan.root().fields().get(0).children();
        assertThat(keys(plan.root())).isEqualTo("users");
        assertThat(keys(users)).isEqualTo("totalCount nodes");
        Selection user = users.fields().get(1).children();
        assertThat(keys(user)).isEqualTo("name admin spawners server");
        assertThat(keys(user.fields().get(2).children())).isEqualTo("name server");
    }

    @Test
    void aliases_fragments_on_the_same_type_and_typename_merge_by_answer_key() {
        Plan plan = compile("query($n: String!) { me: user(name: $n) { __typename n: name ...more ... on User { admin "
                        + "server { url } } } } fragment more on User { n: name server { port } }")
                .orElseThrow();
        Selection user = plan.root().fields().get(0).children();
        assertThat(plan.root().fields().get(0).key().getValue()).isEqualTo("me");
        assertThat(keys(user)).isEqualTo("__typename n server admin");
        assertThat(user.fields().get(0).typeName()).isTrue();
        assertThat(keys(user.fields().get(2).children())).isEqualTo("port url");
    }

    @Test
    void operations_outside_the_subset_have_no_plan() {
        List<String> outside = List.of(
                "{ hub { userCount } }",
                "{ users(first: 1) { nodes { name } } hub { userCount } }",
                "{ node(id: \"x\") { id } }",
                "{ users(first: 1) { nodes { ... on Node { id } } } }",
                "{ users(first: 1) { nodes { name @include(if: true) } } }",
                "query @cached { users(first: 1) { nodes { name } } }",
                "{ __typename users(first: 1) { nodes { name } } }",
                "{ __schema { queryType { name } } }",
                "{ users(first: 1) { nodes { ...server } } } fragment server on Server { url }");
        for (String document : outside) {
            assertThat(compile(document)).as(document).isEmpty();
        }
    }

    private static String keys(Selection selection) {
        return selection.fields().stream().map(field -> field.key().getValue()).collect(Collectors.joining(" "));
    }

    private static Optional<Plan> compile(String text) {
        Document document = Parser.parse(text);
        OperationDefinition operation =
                document.getDefinitionsOfType(OperationDefinition.class).get(0);
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, fragment -> fragment));
        return PlanCompiler.compile(SCHEMA, operation, fragments);
    }

    private static GraphQLSchema schema(String sdl) {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type(TypeRuntimeWiring.newTypeWiring("Node").typeResolver(env -> null))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), wiring);
    }
}
