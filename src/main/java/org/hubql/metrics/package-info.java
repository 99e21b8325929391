/**
 * What {@code /metrics} serves: one Micrometer registry in the Prometheus format, fed by the HTTP layer's access
 * log, the pool (HikariCP's own tracker), the token cache and the JVM.
 */
@NullMarked
package org.hubql.metrics;

import org.jspecify.annotations.NullMarked;
