package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hubql.db.Database;
import org.hubql.scopes.ScopeTree;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks the executable schema: every object type and field declares what reading it needs, refusable fields can
 * hold their refusal, every field is served, and every {@code Node} type resolves through {@code node(id)}. A type
 * or field added without a declaration fails here before any viewer is refused it in production.
 */
class AccessCoverageTest {
    /** The classes whose accessors serve the fields of types that are not model records. */
    private static final Map<String, Class<?>> SOURCES = Map.ofEntries(
            Map.entry("Hub", HubView.class),
            Map.entry("Me", Me.class),
            Map.entry("UserConnection", Connection.class),
            Map.entry("GroupConnection", Connection.class),
            Map.entry("SpawnerConnection", Connection.class),
            Map.entry("ApiTokenConnection", Connection.class),
            Map.entry("UserEdge", Connection.Edge.class),
            Map.entry("GroupEdge", Connection.Edge.class),
            Map.entry("SpawnerEdge", Connection.Edge.class),
            Map.entry("ApiTokenEdge", Connection.Edge.class),
            Map.entry("PageInfo", Connection.PageInfo.class));

    @TempDir
    static Path directory;

    static Database database;
    static GraphQLSchema schema;
    static AccessRules rules;

    @BeforeAll
    static void build() throws Exception {
        database = Database.openSqlite(TestHub.sqlite(directory.resolve("hub.sqlite"), "schema-5.5.1.sql"), 2);
        schema = new HubGraph(database, GraphOptions.defaults()).schema();
        rules = new AccessRules(schema);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static List<GraphQLObjectType> objectTypes() {
        List<GraphQLObjectType> types = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object && !type.getName().startsWith("__")) {
                types.add(object);
            }
        }
        return types;
    }

    @Test
    void every_object_type_declares_what_makes_its_objects_visible() {
        for (GraphQLObjectType type : objectTypes()) {
            assertThat(rules.type(type.getName())).as(type.getName()).isNotInstanceOf(Rule.Undeclared.class);
        }
    }

    @Test
    void every_field_declares_what_reading_it_needs() {
        for (GraphQLObjectType type : objectTypes()) {
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                assertThat(rules.field(field))
                        .as(type.getName() + "." + field.getName())
                        .isNotInstanceOf(Rule.Undeclared.class);
            }
        }
    }

    @Test
    void every_field_that_can_be_refused_can_hold_the_refusal() {
        for (GraphQLObjectType type : objectTypes()) {
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                if (rules.field(field) instanceof Rule.Public) {
                    continue;
                }
                GraphQLType declared = field.getType();
                GraphQLType inner = declared instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : declared;
                boolean holdsRefusal = !(declared instanceof GraphQLNonNull)
                        || inner instanceof GraphQLList
                        || inner instanceof GraphQLObjectType object
                                && object.getName().endsWith("Connection");
                assertThat(holdsRefusal)
                        .as(type.getName() + "." + field.getName() + ": " + declared + " cannot be null")
                        .isTrue();
            }
        }
    }

    @Test
    void every_declared_scope_is_one_jupyterhub_defines() {
        assertThat(rules.scopes()).isNotEmpty().allMatch(ScopeTree.KNOWN::contains);
    }

    @Test
    void the_identity_of_every_node_is_public() {
        for (GraphQLObjectType type : objectTypes()) {
            if (type.getInterfaces().stream().anyMatch(i -> i.getName().equals("Node"))) {
                for (String field : List.of("id", "databaseId")) {
                    assertThat(rules.field(type.getFieldDefinition(field)))
                            .as(type.getName() + "." + field)
                            .isInstanceOf(Rule.Public.class);
                }
            }
        }
    }

    @Test
    void every_field_has_a_fetcher_or_an_accessor_on_its_source() throws Exception {
        for (GraphQLObjectType type : objectTypes()) {
            Class<?> source = SOURCES.containsKey(type.getName())
                    ? SOURCES.get(type.getName())
                    : type == schema.getQueryType() ? Void.class : Class.forName("org.hubql.model." + type.getName());
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                boolean fetched = schema.getCodeRegistry().hasDataFetcher(FieldCoordinates.coordinates(type, field));
                boolean accessor = Arrays.stream(source.getMethods())
                        .anyMatch(
                                method -> method.getName().equals(field.getName()) && method.getParameterCount() == 0);
                assertThat(fetched || accessor)
                        .as(type.getName() + "." + field.getName())
                        .isTrue();
            }
        }
    }

    @Test
    void every_node_type_resolves_through_node_id() {
        GraphQLInterfaceType node = (GraphQLInterfaceType) schema.getType("Node");
        List<GraphQLObjectType> implementations = schema.getImplementations(node);
        assertThat(implementations).hasSizeGreaterThan(10);
        for (GraphQLObjectType type : implementations) {
            assertThatCode(() -> NodeLoading.loaderOf(type.getName()))
                    .as(type.getName())
                    .doesNotThrowAnyException();
        }
    }
}
