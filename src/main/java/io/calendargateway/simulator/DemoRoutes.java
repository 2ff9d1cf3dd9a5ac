package io.calendargateway.simulator;

import io.calendargateway.config.DemoConfig;
import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * In demo mode, autodiscover of the demo organisations' domains goes to the simulator, never to the real hosts of
 * contoso.com or fabrikam.com: the host maps send every candidate to the simulator's ports, Autodiscover v2 to
 * its v2 endpoint, and the simulator's certificate (written by {@link DemoMode}) is the extra CA. So
 * {@code POST /autodiscover} for a demo room answers with the simulator's EWS URL.
 * <p>
 * Below environment variables and system properties (ordinal 275), above application.properties: settings given
 * on purpose win, the defaults there do not. With a random port (0) the routes cannot be known in advance; the
 * candidates then go to a closed port, still not to the real hosts.
 */
public class DemoRoutes implements ConfigSourceFactory {

    static final int ORDINAL = 275;
    /** Nothing listens on port 1 of the loopback address: autodiscover fails there at once. */
    private static final String NOWHERE = "127.0.0.1:1";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() != ExecutionMode.RUNTIME_INIT
                || !Boolean.parseBoolean(value(context, "gateway.demo.enabled", "false"))) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(routes(Integer.parseInt(value(context, "gateway.demo.port", "8081")),
                Integer.parseInt(value(context, "gateway.demo.https-port", "8443")),
                value(context, "gateway.demo.certificate-file", DemoConfig.CERTIFICATE_FILE)), "demo routes", ORDINAL));
    }

    /** The autodiscover settings for the simulator's ports; HTTPS -1 means the simulator has none. */
    static Map<String, String> routes(int httpPort, int httpsPort, String certificateFile) {
        String https = httpsPort > 0 ? "127.0.0.1:" + httpsPort : NOWHERE;
        String http = httpPort > 0 ? "127.0.0.1:" + httpPort : NOWHERE;
        Map<String, String> routes = new HashMap<>();
        for (Tenant tenant : Scenarios.defaultScenario().tenants()) {
            for (String domain : tenant.domains()) {
                routes.put("gateway.autodiscover.host-map.\"" + domain + "\"", https);
                routes.put("gateway.autodiscover.http-host-map.\"" + domain + "\"", http);
            }
        }
        routes.put("gateway.autodiscover.v2-url", "https://" + https + "/autodiscover/autodiscover.json");
        if (httpsPort > 0) {
            routes.put("gateway.autodiscover.ca-bundle-file", certificateFile);
        }
        return routes;
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? fallback : value.getValue();
    }
}
