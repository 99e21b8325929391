package org.hubql.http;

/** A trusted-documents file that cannot be used: unreadable, not a map of hash → document, or a hash that is wrong. */
public final class TrustedDocumentsException extends Exception {
    private static final long serialVersionUID = 1L;

    TrustedDocumentsException(String message) {
        super(message);
    }
}
