package io.calendargateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Access tokens for OAuth2 connection profiles (Entra ID). */
@ConfigMapping(prefix = "gateway.oauth")
public interface OAuthConfig {

    /** A cached token is replaced this long before it expires, so no request leaves with a dying token. */
    @WithDefault("PT60S")
    Duration expirySkew();

    /** Connect timeout towards the token endpoint. */
    @WithDefault("PT10S")
    Duration connectTimeout();

    /** Upper bound for one token request when an EWS call waits for it. */
    @WithDefault("PT15S")
    Duration requestTimeout();
}
