package io.calendargateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings for every call to Exchange, Entra ID and Graph. */
@ConfigMapping(prefix = "gateway.upstream")
public interface UpstreamConfig {

    /**
     * Outbound HTTP proxy ({@code http://host:port}) for profiles that name none of their own. Networks that
     * reach Exchange Online only through a proxy set it once here.
     */
    Optional<String> defaultProxy();

    /** The circuit breaker of each profile: it counts only failures of the server or the way to it. */
    CircuitBreaker circuitBreaker();

    interface CircuitBreaker {

        /** Calls in the rolling window the failure ratio is computed over. */
        @WithDefault("4")
        int requestVolume();

        /** Share of failed calls in the window that opens the circuit. */
        @WithDefault("0.75")
        double failureRatio();

        /** How long an open circuit refuses calls before it lets one through to try. */
        @WithDefault("PT30S")
        Duration delay();
    }
}
