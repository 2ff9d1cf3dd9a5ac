package io.calendargateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A newcomer's first run, as {@code ./mvnw quarkus:dev} on a fresh laptop: nothing answers at the configured
 * PostgreSQL port, so the embedded PostgreSQL starts. Tests using it are annotated with no test resource.
 */
public class FirstRun implements QuarkusTestProfile {

    /** Nothing listens on port 1 of the loopback address. */
    public static final int CLOSED_PORT = 1;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("gateway.db.port", String.valueOf(CLOSED_PORT));
    }

    /** Without the suite's resources: the embedded data is thrown away ({@link TestDatabase} has nothing to drop). */
    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
