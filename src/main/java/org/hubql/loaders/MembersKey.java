package org.hubql.loaders;

import org.hubql.db.PageWindow;

/** One page of a group's members, by user id. */
public record MembersKey(long groupId, PageWindow window) {}
