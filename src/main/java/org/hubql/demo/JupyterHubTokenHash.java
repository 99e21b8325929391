package org.hubql.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * JupyterHub's {@code hash_token}: {@code sha512:<rounds>:<salt>:<digest>}, where the digest is one SHA-512 over
 * the salt's hex text followed by the token's UTF-8 bytes repeated {@code rounds} times (not an iterated hash).
 * Generated tokens use 1 round; user-provided tokens and OAuth client secrets use {@value #USER_PROVIDED_ROUNDS}.
 */
public final class JupyterHubTokenHash {
    /** Rounds JupyterHub uses for tokens it did not generate itself and for OAuth client secrets. */
    public static final int USER_PROVIDED_ROUNDS = 16384;

    private JupyterHubTokenHash() {}

    /** The stored form of {@code token}, e.g. {@code sha512:1:2e9bfd6b84a040df:bfc6…} (128 hex digest). */
    public static String hash(String token, int rounds, String saltHex) {
        MessageDigest digest = sha512();
        digest.update(saltHex.getBytes(StandardCharsets.US_ASCII));
        byte[] tokenBytes = token.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < rounds; i++) {
            digest.update(tokenBytes);
        }
        return "sha512:" + rounds + ":" + saltHex + ":" + hex(digest.digest());
    }

    /** A salt like {@code b2a_hex(os.urandom(8))}: 16 lowercase hex characters, drawn from {@code random}. */
    public static String newSalt(Random random) {
        byte[] salt = new byte[8];
        random.nextBytes(salt);
        return hex(salt);
    }

    /** Whether {@code token} matches a stored {@code hashed} value, re-hashed with that value's rounds and salt. */
    public static boolean matches(String hashed, String token) {
        String[] parts = hashed.split(":", 4);
        if (parts.length != 4 || !parts[0].equals("sha512") || !parts[1].matches("[0-9]{1,9}")) {
            return false;
        }
        String expected = hash(token, Integer.parseInt(parts[1]), parts[2]);
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), hashed.getBytes(StandardCharsets.US_ASCII));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is missing from this JDK", e);
        }
    }
}
