package org.hubql.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Hashed OAuth client secrets ({@code sha512:16384:…}). The first {@value #COMPUTED} are real hashes of the secret
 * given; later clients reuse those values in turn, because 16384 rounds for every client would dominate the run.
 */
final class ClientSecrets {
    static final int COMPUTED = 50;

    private final DemoRandom random;
    private final List<String> hashed = new ArrayList<>(COMPUTED);
    private int reused;

    ClientSecrets(DemoRandom random) {
        this.random = random;
    }

    String hashedSecret(String plaintext) {
        if (hashed.size() < COMPUTED) {
            String value = JupyterHubTokenHash.hash(
                    plaintext, JupyterHubTokenHash.USER_PROVIDED_ROUNDS, JupyterHubTokenHash.newSalt(random.source()));
            hashed.add(value);
            return value;
        }
        return hashed.get(reused++ % COMPUTED);
    }
}
