package org.hubql.demo;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Python's {@code urllib.parse.quote(text, safe)}: UTF-8 bytes, unreserved and safe characters kept, others %XX. */
final class UrlQuote {
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~";
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private UrlQuote() {}

    /** {@code quote(text)}, whose default {@code safe} is {@code "/"}. */
    static String quote(String text) {
        return quote(text, "/");
    }

    static String quote(String text, String safe) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (UNRESERVED.indexOf(c) >= 0 || safe.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(HEX.toHexDigits(b));
            }
        }
        return out.toString();
    }
}
