package io.calendargateway.support;

import io.calendargateway.simulator.ExchangeSimulator;
import io.calendargateway.simulator.Scenarios;
import io.calendargateway.simulator.Tenant;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Starts the simulated Exchange (default scenario) on random loopback ports for the suite and points the
 * gateway's autodiscover at it. Tests reach it through {@link #simulator()} to build profiles, inject faults and
 * count upstream calls.
 */
public class SimulatorResource implements QuarkusTestResourceLifecycleManager {

    private static volatile ExchangeSimulator simulator;

    public static ExchangeSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("the simulator starts with the Quarkus application under test");
        }
        return simulator;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (simulator == null) {
            simulator = ExchangeSimulator.start(Scenarios.defaultScenario());
        }
        Map<String, String> config = new HashMap<>();
        config.put("gateway.test.simulator.https-port", String.valueOf(simulator.httpsPort()));
        config.put("gateway.test.simulator.http-port", String.valueOf(simulator.httpPort()));
        autodiscover(config);
        return config;
    }

    /**
     * Autodiscover reaches the simulator: every scenario domain on 127.0.0.1, {@code autodiscover.<domain>} on
     * localhost (same server, but the attempts show which step asked), the probe on the HTTP port, v2 at the
     * simulator; redirects may go to 127.0.0.1; the simulator's certificate is the extra CA.
     */
    private static void autodiscover(Map<String, String> config) {
        String https = String.valueOf(simulator.httpsPort());
        for (Tenant tenant : simulator.scenario().tenants()) {
            for (String domain : tenant.domains()) {
                config.put("gateway.autodiscover.host-map.\"" + domain + "\"", "127.0.0.1:" + https);
                config.put("gateway.autodiscover.host-map.\"autodiscover." + domain + "\"", "localhost:" + https);
                config.put("gateway.autodiscover.http-host-map.\"" + domain + "\"", "127.0.0.1:" + simulator.httpPort());
            }
        }
        config.put("gateway.autodiscover.v2-url", simulator.autodiscoverV2Url());
        config.put("gateway.autodiscover.allowed-hosts", "127.0.0.1");
        config.put("gateway.autodiscover.ca-bundle-pem", simulator.httpsCertificatePem());
    }

    @Override
    public synchronized void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }
}
