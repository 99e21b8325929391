package org.hubql.scopes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expansion and token intersection, checked against what JupyterHub's {@code scopes.py} computes for the same input. */
class ScopeExpansionTest {
    private static final ScopeOwner BOB = ScopeOwner.user("bob");
    private static final GroupMembership NO_GROUPS = user -> Set.of();

    private static List<String> expand(ScopeOwner owner, String... raw) {
        return ScopeExpansion.expand(List.of(raw), owner).asStrings();
    }

    @Test
    void a_scope_brings_its_subscopes_recursively() {
        assertThat(expand(BOB, "admin:users"))
                .containsExactly(
                        "admin:auth_state",
                        "admin:users",
                        "delete:users",
                        "list:users",
                        "read:roles:users",
                        "read:users",
                        "read:users:activity",
                        "read:users:groups",
                        "read:users:name",
                        "users",
                        "users:activity");
    }

    @Test
    void a_filter_rides_along_except_a_server_filter_onto_read_users_subscopes() {
        assertThat(expand(BOB, "read:users!group=students"))
                .containsExactly(
                        "read:users!group=students",
                        "read:users:activity!group=students",
                        "read:users:groups!group=students",
                        "read:users:name!group=students");
        assertThat(expand(BOB, "servers!server=alice/ml"))
                .containsExactly(
                        "delete:servers!server=alice/ml", "read:servers!server=alice/ml", "servers!server=alice/ml");
    }

    @Test
    void bare_filters_become_the_owners_and_are_dropped_without_a_target() {
        assertThat(expand(BOB, "read:users:name!user", "access:servers!server"))
                .containsExactly("read:users:name!user=bob");
        ScopeOwner server = BOB.issuedTo(new ScopeOwner.Client.OfServer("bob/ml"));
        assertThat(expand(server, "access:servers!server", "users:activity!user"))
                .containsExactly(
                        "access:servers!server=bob/ml", "read:users:activity!user=bob", "users:activity!user=bob");
        assertThat(expand(ScopeOwner.service("culler"), "read:services!service", "read:users!user"))
                .containsExactly("read:services!service=culler", "read:services:name!service=culler");
    }

    @Test
    void self_is_a_users_own_scopes_and_nothing_for_a_service() {
        List<String> self = expand(BOB, "self");
        assertThat(self)
                .contains(
                        "read:users!user=bob",
                        "read:servers!user=bob",
                        "read:tokens!user=bob",
                        "read:users:shares!user=bob")
                .allMatch(scope -> scope.endsWith("!user=bob"))
                .noneMatch(scope -> scope.startsWith("list:users"));
        assertThat(expand(ScopeOwner.service("s"), "self")).isEmpty();
    }

    @Test
    void an_unfiltered_scope_swallows_its_filtered_copies_and_filters_merge() {
        assertThat(expand(
                        BOB, "read:users:name!user=x", "read:users:name", "read:groups!group=a", "read:groups!group=b"))
                .containsExactly(
                        "read:groups!group=a",
                        "read:groups!group=b",
                        "read:groups:name!group=a",
                        "read:groups:name!group=b",
                        "read:users:name");
    }

    @Test
    void a_token_that_inherits_has_its_owners_scopes_plus_its_identity() {
        ExpandedScopes scopes = TokenScopes.of(BOB, List.of("self"), List.of("inherit"), NO_GROUPS);
        assertThat(scopes).isEqualTo(ScopeExpansion.expand(List.of("self"), BOB).union(BOB.identify()));
    }

    @Test
    void a_token_never_grants_more_than_its_owner_holds() {
        ExpandedScopes scopes = TokenScopes.of(BOB, List.of("self"), List.of("admin:users"), NO_GROUPS);
        assertThat(scopes.asStrings())
                .containsExactly(
                        "read:users!user=bob",
                        "read:users:activity!user=bob",
                        "read:users:groups!user=bob",
                        "read:users:name!user=bob",
                        "users:activity!user=bob");
    }

    @Test
    void a_narrowed_admin_token_keeps_only_what_it_names() {
        ExpandedScopes scopes = TokenScopes.of(
                ScopeOwner.user("root"), ScopeTree.ADMIN_ROLE, List.of("list:users", "read:users:name"), NO_GROUPS);
        assertThat(scopes.asStrings()).containsExactly("list:users", "read:users:groups!user=root", "read:users:name");
    }

    @Test
    void a_users_filter_and_a_group_filter_meet_in_the_users_groups() {
        GroupMembership groups = user ->
                Map.of("carol", Set.of("students"), "dave", Set.of("staff")).getOrDefault(user, Set.of());
        ExpandedScopes owner =
                ExpandedScopes.parse(List.of("read:users!group=students", "read:servers!group=students"));
        ExpandedScopes token = ExpandedScopes.parse(List.of(
                "read:users!user=carol",
                "read:users!user=dave",
                "read:servers!server=carol/ml",
                "read:servers!server=dave/"));
        assertThat(token.intersect(owner, groups).asStrings())
                .containsExactly("read:servers!server=carol/ml", "read:users!user=carol");
        assertThat(owner.intersect(token, groups)).isEqualTo(token.intersect(owner, groups));
    }

    @Test
    void an_unfiltered_side_yields_the_other_and_a_missing_base_yields_nothing() {
        ExpandedScopes all = ExpandedScopes.parse(List.of("read:users", "list:users"));
        ExpandedScopes some = ExpandedScopes.parse(List.of("read:users!group=x", "read:tokens"));
        assertThat(all.intersect(some, NO_GROUPS).asStrings()).containsExactly("read:users!group=x");
    }

    @Test
    void malformed_and_unknown_filters_cover_nothing() {
        assertThat(ExpandedScopes.parse(List.of("read:users!user=", "read:users!user", "read:users!flavour=x"))
                        .asStrings())
                .isEmpty();
    }
}
