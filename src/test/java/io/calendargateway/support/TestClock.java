package io.calendargateway.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The gateway's clock in tests: the system clock unless a test {@link #set sets} "now". Tests that set it must
 * {@link #reset()} it.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private static volatile Instant fixed;

    public static void set(Instant now) {
        fixed = now;
    }

    public static void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Instant now = fixed;
        return now == null ? Clock.system(zone) : Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now == null ? Instant.now() : now;
    }
}
