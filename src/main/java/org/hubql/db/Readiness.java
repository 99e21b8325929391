package org.hubql.db;

/** Whether the database answered a trivial read just now, and if not, why (in words fit for an open endpoint). */
public record Readiness(boolean ready, String reason) {
    static Readiness ok() {
        return new Readiness(true, "ok");
    }

    static Readiness notReady(String reason) {
        return new Readiness(false, reason);
    }
}
