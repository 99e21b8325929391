package org.hubql.model;

/** JSON text exactly as a hub column stores it; parsed only when a response needs it. */
public record RawJson(String text) {}
