package io.calendargateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

/** Demo mode: the gateway runs against an in-process simulated Exchange (on in the dev profile only). */
@ConfigMapping(prefix = "gateway.demo")
public interface DemoConfig {

    /** The default of {@link #certificateFile()}. */
    String CERTIFICATE_FILE = "target/demo/simulator-ca.pem";

    /** Start the simulated Exchange and create a demo profile for its rooms. */
    @WithDefault("false")
    boolean enabled();

    /** HTTP port of the simulated Exchange (0 = any free port). */
    @WithDefault("8081")
    int port();

    /** HTTPS port of the simulated Exchange (0 = any free port, -1 = none). */
    @WithDefault("8443")
    int httpsPort();

    /** Where the simulator's self-signed HTTPS certificate is written, to trust it in curl, profiles and autodiscover. */
    @WithDefault(CERTIFICATE_FILE)
    Path certificateFile();

    /**
     * Demo mode in production must be confirmed here as well: it serves made-up calendars and creates a profile
     * whose password is published in the documentation.
     */
    @WithDefault("false")
    boolean allowInProduction();
}
