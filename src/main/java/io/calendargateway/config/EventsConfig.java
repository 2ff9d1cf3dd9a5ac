package io.calendargateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What door signs may ask for and how private meetings look to them. */
@ConfigMapping(prefix = "gateway.events")
public interface EventsConfig {

    /** The longest window {@code GET /rooms/{mail}/events} answers; longer ones are a 400. */
    @WithDefault("31")
    int maxWindowDays();

    /** The subject shown instead of a private or confidential meeting's own. */
    @WithDefault("Private appointment")
    String privateSubject();
}
