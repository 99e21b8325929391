package org.hubql.scopes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Raw scopes, as roles and tokens store them, to expanded scopes ({@code expand_scopes}): each scope with all of
 * its subscopes, carrying its filter (except that a {@code !server=} filter is not carried onto the
 * {@code read:users…} subscopes), bare filters ({@code !user}, {@code !service}, {@code !server}) made concrete for
 * the owner, and {@code self} replaced by a user's own scopes. Scopes a bare filter cannot be made concrete for
 * are dropped, as JupyterHub drops them.
 */
public final class ScopeExpansion {
    private ScopeExpansion() {
        // non-constructable
    }

    public static ExpandedScopes expand(Collection<String> raw, ScopeOwner owner) {
        List<String> expanded = new ArrayList<>();
        for (String scope : raw) {
            int bang = scope.indexOf('!');
            String base = bang < 0 ? scope : scope.substring(0, bang);
            String filter = bang < 0 ? "" : scope.substring(bang + 1);
            if (base.equals("self")) {
                if (owner.kind() == ScopeOwner.Kind.USER) {
                    ScopeTree.SELF.forEach(own -> expanded.add(own + "!user=" + owner.name()));
                }
                continue;
            }
            String concrete = filter.isEmpty() ? "" : owner.replacement(filter);
            if (!filter.isEmpty() && concrete.isEmpty()) {
                continue;
            }
            for (String implied : ScopeTree.withSubscopes(base)) {
                if (concrete.isEmpty()) {
                    expanded.add(implied);
                } else if (!(filter.startsWith("server") && implied.startsWith("read:user"))) {
                    expanded.add(implied + "!" + concrete);
                }
            }
        }
        return ExpandedScopes.parse(expanded);
    }
}
