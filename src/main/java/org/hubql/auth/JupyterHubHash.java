package org.hubql.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checks a token against JupyterHub's stored {@code sha512:<rounds>:<salt>:<digest>}: one SHA-512 over the salt's
 * text, then the token's UTF-8 bytes {@code rounds} times, compared in constant time like {@code hmac.compare_digest}.
 */
final class JupyterHubHash {
    /** Far above JupyterHub's 16384: a row claiming more is not JupyterHub's and would only burn CPU. */
    private static final int MAX_ROUNDS = 1 << 20;

    private JupyterHubHash() {
        // non-constructable
    }

    static boolean matches(String hashed, String token) {
        if (hashed == null) {
            return false;
        }
        String[] parts = hashed.split(":", 4);
        if (parts.length != 4 || !parts[0].equals("sha512") || !parts[1].matches("[0-9]{1,7}")) {
            return false;
        }
        int rounds = Integer.parseInt(parts[1]);
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            return false;
        }
        String expected = "sha512:" + rounds + ":" + parts[2] + ":" + digest(parts[2], token, rounds);
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), hashed.getBytes(StandardCharsets.UTF_8));
    }

    private static String digest(String salt, String token, int rounds) {
        MessageDigest sha512 = newDigest("SHA-512");
        sha512.update(salt.getBytes(StandardCharsets.US_ASCII));
        byte[] tokenBytes = token.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < rounds; i++) {
            sha512.update(tokenBytes);
        }
        return HexFormat.of().formatHex(sha512.digest());
    }

    /**
     * Copied for each fingerprint, which every request with a token takes: asking the security providers for a new
     * instance cost as much as the digest itself.
     */
    private static final MessageDigest SHA_256 = newDigest("SHA-256");

    /** A SHA-256 of the token, so caches never hold the token itself. */
    static String fingerprint(String token) {
        return HexFormat.of().formatHex(copyOf(SHA_256).digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest copyOf(MessageDigest unused) {
        try {
            return (MessageDigest) unused.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(unused.getAlgorithm() + " of this JDK cannot be copied", e);
        }
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }
}
