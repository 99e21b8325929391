package org.hubql.demo;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Stand-ins for {@code users.encrypted_auth_state}: random bytes laid out like the Fernet token JupyterHub's
 * {@code crypto.encrypt} stores (version, timestamp, IV, ciphertext, HMAC; url-safe base64 as ASCII bytes).
 * Nothing can decrypt them.
 */
final class AuthStateBlob {
    private static final byte FERNET_VERSION = (byte) 0x80;

    private AuthStateBlob() {}

    static byte[] random(DemoRandom random) {
        int cipherBlocks = random.between(2, 12);
        ByteBuffer token = ByteBuffer.allocate(1 + 8 + 16 + cipherBlocks * 16 + 32);
        token.put(FERNET_VERSION);
        token.putLong(HubTime.epochSeconds(HubTime.recent(random, 60)));
        token.put(random.bytes(16 + cipherBlocks * 16 + 32));
        return Base64.getUrlEncoder().encode(token.array());
    }
}
