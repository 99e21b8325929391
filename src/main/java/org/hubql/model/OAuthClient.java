package org.hubql.model;

/** A row of {@code oauth_clients}, without its secret. */
public record OAuthClient(long id, String identifier, String description, String redirectUri) implements Identified {}
