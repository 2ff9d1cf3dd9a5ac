package io.calendargateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits for EWS connections; one pool of this size exists per connection profile. */
@ConfigMapping(prefix = "gateway.ews")
public interface EwsConfig {

    /**
     * EWS calls running at once per profile. Exchange allows 27 concurrent requests per account
     * (EWSMaxConcurrency), shared with every other client of that service account.
     */
    @WithDefault("4")
    int maxConcurrency();

    /** How long a call waits for a free connection before failing (the room is then served from cache). */
    @WithDefault("PT10S")
    Duration acquireTimeout();

    /** TCP connect and TLS handshake timeout. */
    @WithDefault("PT10S")
    Duration connectTimeout();

    /** Socket read timeout for each EWS response. */
    @WithDefault("PT30S")
    Duration readTimeout();

    /**
     * How long a throttled profile ({@code ErrorServerBusy}) waits before it calls Exchange again when the fault
     * names no {@code BackOffMilliseconds} (Exchange Online often does not).
     */
    @WithDefault("PT30S")
    Duration defaultBackOff();
}
