package org.hubql.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writes_key_arrays_as_the_object_mapper_does() throws Exception {
        List<List<?>> cases = new ArrayList<>();
        cases.add(List.of());
        cases.add(List.of(1L));
        cases.add(List.of(Long.MIN_VALUE, 0L, Long.MAX_VALUE));
        cases.add(List.of(3, -4));
        cases.add(List.of("alice", "", "quote\" back\\slash", "tab\t nul\0 bell\u0007", "ünï 🐍 \u2028", "</script>"));
        cases.add(List.of(1.5d, 2L));
        SplittableRandom random = new SplittableRandom(12);
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (int i = 0; i < 500; i++) {
            StringBuilder name = new StringBuilder();
            for (int c = random.nextInt(12); c > 0; c--) {
                name.append((char) random.nextInt(0x3000));
            }
            names.add(name.toString());
        }
        cases.add(List.copyOf(names));
        for (List<?> keys : cases) {
            assertThat(JsonText.array(keys)).isEqualTo(MAPPER.writeValueAsString(keys));
        }
    }
}
