package io.calendargateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Calls to Microsoft Graph; one HTTP client exists per connection profile version. */
@ConfigMapping(prefix = "gateway.graph")
public interface GraphConfig {

    /** TCP connect and TLS handshake timeout. */
    @WithDefault("PT10S")
    Duration connectTimeout();

    /** How long one Graph response may take (each page of a calendar view is one response). */
    @WithDefault("PT30S")
    Duration readTimeout();

    /**
     * Requests running at once per mailbox. Graph allows an app 4 concurrent requests per mailbox and answers 429
     * above that; a fifth caller is refused at once (its room is served from cache), nobody waits.
     */
    @WithDefault("4")
    int maxConcurrencyPerMailbox();

    /** Events per calendarView page ({@code $top}); Graph pages every view, so larger pages mean fewer requests. */
    @WithDefault("500")
    int pageSize();

    /** How long a throttled mailbox waits before the next call when a 429 or 503 names no {@code Retry-After}. */
    @WithDefault("PT30S")
    Duration defaultRetryAfter();
}
