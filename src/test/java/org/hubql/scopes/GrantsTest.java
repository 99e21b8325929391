package org.hubql.scopes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which objects a resolved scope covers, as {@code check_scope_filter} decides for the same object. */
class GrantsTest {
    /** alice 1, bob 2, carol 3 (in students, group 10), server bob/ml = spawner 7, service culler 5. */
    private static final Directory HUB = new Directory() {
        @Override
        public Map<String, Long> userIds(Set<String> names) {
            return only(Map.of("alice", 1L, "bob", 2L, "carol", 3L), names);
        }

        @Override
        public Map<String, Long> groupIds(Set<String> names) {
            return only(Map.of("students", 10L), names);
        }

        @Override
        public Map<Long, IdSet> membersOf(Set<Long> groupIds) {
            return Map.of(10L, IdSet.of(List.of(3L)));
        }

        @Override
        public Map<String, Long> serviceIds(Set<String> names) {
            return only(Map.of("culler", 5L), names);
        }

        @Override
        public Map<String, Long> spawnerIds(Set<String> servers) {
            return only(Map.of("bob/ml", 7L), servers);
        }

        @Override
        public Set<String> groupsOf(String userName) {
            return userName.equals("carol") ? Set.of("students") : Set.of();
        }

        private Map<String, Long> only(Map<String, Long> all, Set<String> names) {
            Map<String, Long> found = new HashMap<>(all);
            found.keySet().retainAll(names);
            return found;
        }
    };

    private static Grants grants(String... expanded) {
        return Grants.resolve(ExpandedScopes.parse(List.of(expanded)), HUB);
    }

    @Test
    void a_user_filter_covers_that_user_and_its_servers() {
        Grants grants = grants("read:servers!user=bob");
        assertThat(grants.allows("read:servers", new Subject.OfUser(2))).isTrue();
        assertThat(grants.allows("read:servers", new Subject.OfServer(2, 99))).isTrue();
        assertThat(grants.allows("read:servers", new Subject.OfUser(1))).isFalse();
        assertThat(grants.allows("read:servers", Subject.UNNAMED)).isFalse();
        assertThat(grants.allows("read:servers", Subject.ROOT)).isTrue();
    }

    @Test
    void a_group_filter_covers_its_members_and_their_servers_and_the_group() {
        Grants grants = grants("read:users!group=students", "read:groups!group=students");
        assertThat(grants.allows("read:users", new Subject.OfUser(3))).isTrue();
        assertThat(grants.allows("read:users", new Subject.OfServer(3, 1))).isTrue();
        assertThat(grants.allows("read:users", new Subject.OfUser(2))).isFalse();
        assertThat(grants.allows("read:groups", new Subject.OfGroup(10))).isTrue();
        assertThat(grants.allows("read:groups", new Subject.OfGroup(11))).isFalse();
    }

    @Test
    void a_server_filter_covers_that_server_only() {
        Grants grants = grants("read:servers!server=bob/ml");
        assertThat(grants.allows("read:servers", new Subject.OfServer(2, 7))).isTrue();
        assertThat(grants.allows("read:servers", new Subject.OfServer(2, 8))).isFalse();
        assertThat(grants.allows("read:servers", new Subject.OfUser(2))).isFalse();
    }

    @Test
    void unfiltered_scopes_cover_everything_and_scopes_not_held_nothing() {
        Grants grants = grants("read:hub", "read:services!service=culler");
        assertThat(grants.allows("read:hub", Subject.UNNAMED)).isTrue();
        assertThat(grants.allows("read:hub", Subject.UNRELATED)).isFalse();
        assertThat(grants.allows("read:services", new Subject.OfService(5))).isTrue();
        assertThat(grants.allows("read:services", Subject.UNNAMED)).isFalse();
        assertThat(grants.allows("read:tokens", Subject.ROOT)).isFalse();
        assertThat(grants.coversAll(List.of("read:hub"))).isTrue();
        assertThat(grants.coversAll(List.of("read:hub", "read:services"))).isFalse();
        assertThat(Grants.everything().coversAll(List.of("read:hub", "read:services", "admin:server_state")))
                .isTrue();
    }

    @Test
    void covers_all_answers_each_set_it_is_asked_about_again_and_in_turn() {
        Grants grants = grants("read:hub", "read:services!service=culler");
        List<String> held = List.of("read:hub");
        List<String> filtered = List.of("read:hub", "read:services");
        for (int round = 0; round < 2; round++) {
            assertThat(grants.coversAll(held)).isTrue();
            assertThat(grants.coversAll(held)).isTrue();
            assertThat(grants.coversAll(filtered)).isFalse();
            assertThat(grants.coversAll(List.of())).isTrue();
        }
    }

    @Test
    void names_with_no_row_cover_nothing() {
        Grants grants = grants("read:users!user=nobody", "read:users!group=nogroup");
        assertThat(grants.allows("read:users", new Subject.OfUser(1))).isFalse();
        assertThat(grants.allows("read:users", Subject.ROOT)).isTrue();
    }
}
