package org.hubql.loaders;

/** One page of a group's members: up to {@code limit} users with an id above {@code afterUserId} (if not null). */
public record MembersKey(long groupId, Long afterUserId, int limit) {}
