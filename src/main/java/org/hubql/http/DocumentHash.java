package org.hubql.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The digests that name persisted documents, told apart by their length in hex: SHA-256 (Apollo's persisted
 * queries, graphql-codegen's client preset), SHA-1 (older codegen presets) and MD5 (Relay's default).
 */
enum DocumentHash {
    MD5("MD5", 32),
    SHA1("SHA-1", 40),
    SHA256("SHA-256", 64);

    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    private final String algorithm;
    private final int hexLength;

    DocumentHash(String algorithm, int hexLength) {
        this.algorithm = algorithm;
        this.hexLength = hexLength;
    }

    /** The algorithm whose digest {@code hex} (lower case) is, if it looks like one. */
    static Optional<DocumentHash> ofDigest(String hex) {
        if (!HEX.matcher(hex).matches()) {
            return Optional.empty();
        }
        for (DocumentHash hash : values()) {
            if (hash.hexLength == hex.length()) {
                return Optional.of(hash);
            }
        }
        return Optional.empty();
    }

    /** The digest of the document's UTF-8 bytes, in lower-case hex. */
    String digest(String document) {
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(document.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }
}
