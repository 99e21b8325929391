package org.hubql.bench;

/**
 * A part of {@code bench/RESULTS.md} that one benchmark writes between two HTML comments and the others keep as it
 * is: the live-hub section ({@code bench/live-hub}) and each server engine's ({@code bench/run --engine}).
 */
record MarkedSection(String begin, String end) {
    /** The section {@code bench/run --engine <engine>} writes. */
    static MarkedSection engine(String engine) {
        return new MarkedSection(
                "<!-- engine " + engine + ": written by bench/run --engine " + engine + ", do not edit by hand -->",
                "<!-- /engine " + engine + " -->");
    }

    static MarkedSection liveHub() {
        return new MarkedSection(LiveHubReport.BEGIN, LiveHubReport.END);
    }

    /** The section as it stands in {@code text}, markers included; empty if there is none. */
    String of(String text) {
        int from = text.indexOf(begin);
        int to = text.indexOf(end, Math.max(from, 0));
        return from >= 0 && to > from ? text.substring(from, to + end.length()) : "";
    }

    /**
     * {@code text} with this section replaced by {@code section} (markers included); a text without it gets it
     * inserted before {@code before}'s section, or appended when that is missing too.
     */
    String replaceIn(String text, String section, MarkedSection before) {
        String old = of(text);
        if (!old.isEmpty()) {
            int from = text.indexOf(old);
            return text.substring(0, from) + section + text.substring(from + old.length());
        }
        String next = before.of(text);
        if (!next.isEmpty()) {
            int at = text.indexOf(next);
            return text.substring(0, at) + section + "\n\n" + text.substring(at);
        }
        return text.stripTrailing() + (text.isBlank() ? "" : "\n\n") + section + "\n";
    }
}
