package io.calendargateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The per-room schedule cache (stale-while-revalidate). */
@ConfigMapping(prefix = "gateway.cache")
public interface CacheConfig {

    /**
     * A room's schedule older than this is fetched again on the next poll, which is still answered at once from
     * the old value. Also the {@code Cache-Control: max-age} door signs get, and how often a failing room is
     * retried.
     */
    @WithDefault("PT30S")
    Duration refresh();

    /** A schedule nobody asked for this long is dropped. */
    @WithDefault("PT6H")
    Duration idleExpiry();

    /** Room windows held at most (one room usually has two: today's events and the status window). */
    @WithDefault("20000")
    long maximumSize();
}
