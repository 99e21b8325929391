package org.hubql.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationNamesTest {
    @Test
    void names_past_the_capacity_count_as_other() {
        OperationNames names = new OperationNames(2);

        assertThat(names.label("A")).isEqualTo("A");
        assertThat(names.label("B")).isEqualTo("B");
        assertThat(names.label("C")).isEqualTo(OperationNames.OTHER);
        assertThat(names.label("A")).isEqualTo("A");
    }

    @Test
    void an_overlong_name_counts_as_other() {
        assertThat(new OperationNames(10).label("N".repeat(65))).isEqualTo(OperationNames.OTHER);
    }
}
