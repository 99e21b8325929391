package org.hubql.demo;

import java.nio.file.Path;

/**
 * What {@link DemoHub#write} produced, with plaintext tokens to try the gateway with. A name and its token are
 * null when the hub has too few users to hold that user ({@code admin} needs one user, {@code alice} two).
 *
 * @param file         the absolute path of the database written
 * @param users        the number of rows in {@code users}
 * @param adminName    {@code admin}, an admin user
 * @param adminToken   an API token of {@code admin}
 * @param userName     {@code alice}, a non-admin user whose default server is running
 * @param userToken    an API token of {@code alice}
 * @param serviceName  {@code announcement}, a non-admin service with a server
 * @param serviceToken the API token of {@code announcement}
 */
public record DemoHubSummary(
        Path file,
        int users,
        String adminName,
        String adminToken,
        String userName,
        String userToken,
        String serviceName,
        String serviceToken) {}
