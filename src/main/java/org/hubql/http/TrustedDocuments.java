package org.hubql.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The documents an operator trusts, from a JSON object of hash → document text, as graphql-codegen's client preset
 * ({@code persisted-documents.json}) and Relay's compiler write it. A key is a SHA-256 (bare or as
 * {@code sha256:<hex>}), a SHA-1 or an MD5 of its document's UTF-8 text, and is checked against it on loading.
 */
public final class TrustedDocuments {
    private final Map<String, String> byKey;
    private final Set<String> texts;
    private final Path source;

    private TrustedDocuments(Map<String, String> byKey, Path source) {
        this.byKey = Map.copyOf(byKey);
        this.texts = Set.copyOf(new HashSet<>(byKey.values()));
        this.source = source;
    }

    /** Reads and checks {@code file}; the exception's message says what is wrong, for a usage error. */
    public static TrustedDocuments load(Path file) throws TrustedDocumentsException {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new TrustedDocumentsException(
                    file + " cannot be read as JSON: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        if (json == null || !json.isObject() || json.isEmpty()) {
            throw new TrustedDocumentsException(file + " must be a JSON object of hash → document, with at least one");
        }
        Map<String, String> byKey = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
            byKey.put(
                    checked(file, entry.getKey(), entry.getValue()),
                    entry.getValue().asText());
        }
        return new TrustedDocuments(byKey, file);
    }

    private static String checked(Path file, String key, JsonNode document) throws TrustedDocumentsException {
        if (!document.isTextual()) {
            throw new TrustedDocumentsException(file + ": the value under " + key + " is not a document text");
        }
        String hex = DocumentReference.normalized(key);
        Optional<DocumentHash> hash = DocumentHash.ofDigest(hex);
        if (hash.isEmpty()) {
            throw new TrustedDocumentsException(file + ": the key " + key
                    + " is not a hash (sha256:<64 hex>, or 64, 40 or 32 hex digits for SHA-256, SHA-1, MD5)");
        }
        String actual = hash.get().digest(document.asText());
        if (!actual.equals(hex)) {
            throw new TrustedDocumentsException(file + ": the document under " + key + " has the " + hash.get()
                    + " hash " + actual + "; the file was edited or written with another hash");
        }
        return hex;
    }

    /** The document under a normalized key ({@link DocumentReference#key()}). */
    Optional<String> document(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Whether {@code text} is, character for character, one of the trusted documents. */
    boolean contains(String text) {
        return texts.contains(text);
    }

    public int size() {
        return byKey.size();
    }

    @Override
    public String toString() {
        return byKey.size() + " trusted documents from " + source;
    }
}
