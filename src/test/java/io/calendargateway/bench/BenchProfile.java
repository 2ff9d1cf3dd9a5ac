package io.calendargateway.bench;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The benchmark's build and configuration: the suite's test settings with production durations where they shape
 * what is measured (refresh interval, reloads, EWS timeouts), its own database schema unless {@code DB_SCHEMA}
 * names one, and {@link TrivialResource} built in. Keys carry {@code %test.} where application.properties sets a
 * test value, since a profile's own key wins over a plain one.
 */
public class BenchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("%test.gateway.bench.enabled", "true"),
                Map.entry("%test.gateway.db.schema", "${DB_SCHEMA:cg_bench}"),
                // production defaults (application.properties), which the suite shortens to a second or two
                Map.entry("%test.gateway.cache.refresh", "30s"),
                Map.entry("%test.gateway.rooms.reload-interval", "60s"),
                Map.entry("%test.gateway.ews.acquire-timeout", "10s"),
                Map.entry("%test.gateway.ews.connect-timeout", "10s"),
                Map.entry("%test.gateway.ews.read-timeout", "30s"),
                Map.entry("%test.gateway.ews.default-back-off", "30s"),
                Map.entry("%test.gateway.upstream.circuit-breaker.delay", "30s"));
    }
}
