package org.hubql.auth;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/** The differences found for one token, reported together so that one run shows all of them. */
final class Differences {
    private final String token;
    private final List<String> found = new ArrayList<>();

    Differences(String token) {
        this.token = token;
    }

    void check(boolean same, String where, String what) {
        if (!same) {
            found.add(where + ": " + what);
        }
    }

    void assertNone() {
        if (!found.isEmpty()) {
            fail("token '" + token + "', " + found.size() + " difference(s) between JupyterHub and hubql:\n  "
                    + String.join("\n  ", found));
        }
    }
}
