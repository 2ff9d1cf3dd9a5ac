package io.calendargateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

/** How rooms are found and served: defaults of the read path, and how bindings stay current on every replica. */
@ConfigMapping(prefix = "gateway.rooms")
public interface RoomsConfig {

    /** The zone of rooms whose binding and profile name none. */
    @WithDefault("UTC")
    ZoneId defaultTimeZone();

    /**
     * Full reload of bindings, profiles and device keys from the database, as a safety net beside
     * LISTEN/NOTIFY (which brings changes within a second).
     */
    @WithDefault("PT60S")
    Duration reloadInterval();

    /** How long the rooms of a profile's room lists are trusted before they are read again. */
    @WithDefault("PT10M")
    Duration roomListTtl();
}
