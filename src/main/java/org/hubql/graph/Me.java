package org.hubql.graph;

import java.util.List;

/** The {@code Me} type: the token's expanded scopes ({@code viewer} is fetched like {@code Query.viewer}). */
record Me(List<String> scopes) {}
