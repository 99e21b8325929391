/** Nullness: every type in a signature here is non-null unless marked {@code @Nullable}. */
@NullMarked
package org.hubql.graph;

import org.jspecify.annotations.NullMarked;
