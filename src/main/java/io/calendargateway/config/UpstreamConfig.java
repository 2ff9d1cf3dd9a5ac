package io.calendargateway.config;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** Settings for every call to Exchange, Entra ID and Graph. */
@ConfigMapping(prefix = "gateway.upstream")
public interface UpstreamConfig {

    /**
     * Outbound HTTP proxy ({@code http://host:port}) for profiles that name none of their own. Networks that
     * reach Exchange Online only through a proxy set it once here.
     */
    Optional<String> defaultProxy();
}
