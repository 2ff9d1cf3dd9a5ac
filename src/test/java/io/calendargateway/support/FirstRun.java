package io.calendargateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A newcomer's first run, as {@code ./mvnw quarkus:dev} on a fresh laptop: nothing answers at the configured
 * PostgreSQL port (so the embedded PostgreSQL starts), and demo mode runs the simulated Exchange on fixed ports.
 * One profile for both, so the suite pays for one more start only. Tests using it are annotated with no test
 * resource.
 */
public class FirstRun implements QuarkusTestProfile {

    /** Nothing listens on port 1 of the loopback address. */
    public static final int CLOSED_PORT = 1;
    public static final String CERTIFICATE_FILE = "target/first-run-test/simulator-ca.pem";
    // chosen once per class loader: tests read the ports the application uses from the simulator, not from here
    private static final int DEMO_HTTP_PORT = freePort();
    private static final int DEMO_HTTPS_PORT = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("gateway.db.port", String.valueOf(CLOSED_PORT),
                "gateway.demo.enabled", "true",
                "gateway.demo.port", String.valueOf(DEMO_HTTP_PORT),
                "gateway.demo.https-port", String.valueOf(DEMO_HTTPS_PORT),
                "gateway.demo.certificate-file", CERTIFICATE_FILE);
    }

    /**
     * Without the suite's resources: the simulator of {@link SimulatorResource} would take over the autodiscover
     * routes, and the embedded database is thrown away anyway ({@link TestDatabase} has nothing to drop).
     */
    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
