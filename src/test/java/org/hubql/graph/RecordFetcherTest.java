package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.Scalars;
import graphql.schema.GraphQLFieldDefinition;
import java.time.Instant;
import java.util.Map;
import org.hubql.model.User;
import org.junit.jupiter.api.Test;

class RecordFetcherTest {
    private static final User ALICE =
            new User(7, "alice", true, Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-11-30T12:00:00Z"));

    private static Object fetch(String field, Object source) throws Exception {
        GraphQLFieldDefinition definition = GraphQLFieldDefinition.newFieldDefinition()
                .name(field)
                .type(Scalars.GraphQLString)
                .build();
        return new RecordFetcher(field).get(definition, source, () -> null);
    }

    @Test
    void reads_a_model_record_component_of_every_kind() throws Exception {
        assertThat(fetch("name", ALICE)).isEqualTo("alice");
        assertThat(fetch("admin", ALICE)).isEqualTo(true);
        assertThat(fetch("id", ALICE)).isEqualTo(7L);
        assertThat(fetch("lastActivity", ALICE)).isEqualTo(ALICE.lastActivity());
    }

    @Test
    void reads_other_sources_as_graphql_java_does() throws Exception {
        assertThat(fetch("name", Map.of("name", "from a map"))).isEqualTo("from a map");
        assertThat(fetch("nothing", ALICE)).isNull();
        assertThat(fetch("name", new Object())).isNull();
        assertThat(fetch("name", null)).isNull();
    }

    @Test
    void finds_accessors_only_on_public_records() {
        assertThat(RecordFetcher.accessor(User.class, "name")).isPresent();
        assertThat(RecordFetcher.accessor(User.class, "cookieId")).isEmpty();
        assertThat(RecordFetcher.accessor(String.class, "length")).isEmpty();
    }

    @Test
    void hands_out_one_fetcher_per_field_name() {
        GraphQLFieldDefinition name = GraphQLFieldDefinition.newFieldDefinition()
                .name("name")
                .type(Scalars.GraphQLString)
                .build();
        GraphQLFieldDefinition admin = GraphQLFieldDefinition.newFieldDefinition()
                .name("admin")
                .type(Scalars.GraphQLString)
                .build();
        assertThat(RecordFetcher.FACTORY.get(name)).isSameAs(RecordFetcher.FACTORY.get(name));
        assertThat(RecordFetcher.FACTORY.get(name)).isNotSameAs(RecordFetcher.FACTORY.get(admin));
    }
}
