package org.hubql.model;

/** Row counts of a hub, read in one statement. */
public record HubStats(int users, int admins, int groups, int services, int activeServers, int apiTokens) {}
