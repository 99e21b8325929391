package org.hubql.bench;

/** One row of a results section's Targets table: what the issue asks for, what the run measured, and whether it holds. */
record Target(String target, String measured, boolean holds) {
    String markdown() {
        return "| " + target + " | " + measured + " | " + (holds ? "yes" : "**no**") + " |";
    }
}
