package io.calendargateway.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "gateway.devices")
public interface DevicesConfig {

    /**
     * Device routes ({@code /rooms/{mail}/events}, {@code /status}) answer without a credential. Only for closed
     * networks where every served room may be public; off by default.
     */
    @WithDefault("false")
    boolean openRead();
}
