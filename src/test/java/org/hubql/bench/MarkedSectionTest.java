package org.hubql.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each benchmark rewrites its own part of {@code bench/RESULTS.md} and leaves the others as they are. */
class MarkedSectionTest {
    private static final MarkedSection POSTGRESQL = MarkedSection.engine("postgresql");
    private static final MarkedSection MARIADB = MarkedSection.engine("mariadb");
    private static final MarkedSection LIVE_HUB = MarkedSection.liveHub();

    private static String section(MarkedSection markers, String body) {
        return markers.begin() + "\n" + body + "\n" + markers.end();
    }

    @Test
    void an_engine_section_replaces_its_previous_run_and_keeps_everything_else() {
        String results = "# results\n\n" + section(POSTGRESQL, "old pg") + "\n\n" + section(MARIADB, "maria") + "\n\n"
                + section(LIVE_HUB, "live") + "\n";

        String updated = POSTGRESQL.replaceIn(results, section(POSTGRESQL, "new pg"), LIVE_HUB);

        assertThat(updated)
                .isEqualTo("# results\n\n" + section(POSTGRESQL, "new pg") + "\n\n" + section(MARIADB, "maria") + "\n\n"
                        + section(LIVE_HUB, "live") + "\n");
    }

    @Test
    void a_first_engine_section_goes_before_the_live_hub_section() {
        String results = "# results\n\n" + section(LIVE_HUB, "live") + "\n";

        String updated = MARIADB.replaceIn(results, section(MARIADB, "maria"), LIVE_HUB);

        assertThat(updated)
                .isEqualTo("# results\n\n" + section(MARIADB, "maria") + "\n\n" + section(LIVE_HUB, "live") + "\n");
        assertThat(MARIADB.of(updated)).isEqualTo(section(MARIADB, "maria"));
        assertThat(POSTGRESQL.of(updated)).isEmpty();
    }

    @Test
    void without_a_live_hub_section_an_engine_section_is_appended() {
        assertThat(POSTGRESQL.replaceIn("# results\n", section(POSTGRESQL, "pg"), LIVE_HUB))
                .isEqualTo("# results\n\n" + section(POSTGRESQL, "pg") + "\n");
    }
}
