package org.hubql.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Breadth-first execution and compiled plans are on unless the operator turns them off. */
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

    @Test
    void plans_are_the_default_and_the_system_property_turns_them_off() {
        assertThat(GraphOptions.defaults().plans()).isTrue();
        System.setProperty(GraphOptions.PLANS_PROPERTY, "false");
        try {
            assertThat(GraphOptions.defaults().plans()).isFalse();
            assertThat(GraphOptions.defaults().breadthFirst()).isTrue();
            assertThat(GraphOptions.defaults().withPlans(true).plans()).isTrue();
        } finally {
            System.clearProperty(GraphOptions.PLANS_PROPERTY);
        }
    }
}
