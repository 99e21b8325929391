package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Breadth-first execution is on unless the operator turns it off. */
class GraphOptionsTest {

    @Test
    void breadth_first_is_the_default_and_the_system_property_turns_it_off() {
        assertThat(GraphOptions.defaults().breadthFirst()).isTrue();
        System.setProperty(GraphOptions.BREADTH_FIRST_PROPERTY, "false");
        try {
            assertThat(GraphOptions.defaults().breadthFirst()).isFalse();
            assertThat(GraphOptions.defaults().withBreadthFirst(true).breadthFirst())
                    .isTrue();
        } finally {
            System.clearProperty(GraphOptions.BREADTH_FIRST_PROPERTY);
        }
    }
}
