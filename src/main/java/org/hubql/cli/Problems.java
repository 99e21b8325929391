package org.hubql.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Failures told in a few words, for the one line the command line prints. */
final class Problems {
    private Problems() {
        // non-constructable
    }

    /** "no such file" rather than {@link NoSuchFileException}'s bare path. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
