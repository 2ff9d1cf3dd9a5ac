package io.calendargateway.startup;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A first run without PostgreSQL: {@code gateway.db.embedded} ({@code GATEWAY_DB_EMBEDDED}) is {@code auto} in dev
 * and test. When nothing answers at {@code gateway.db.host}:{@code gateway.db.port} as the configuration is read,
 * an embedded PostgreSQL is started and {@code gateway.db.host}, {@code gateway.db.port} and the user are pointed
 * at it; the JDBC URL (Flyway) and the reactive URL (requests) are built from those two, so both see it.
 * {@code true} starts it whatever answers, {@code false} (production) never does.
 * <p>
 * A config source factory, not a start-up bean: the datasource reads its URLs before any bean exists.
 */
public class EmbeddedDatabase implements ConfigSourceFactory {

    static final String MODE = "gateway.db.embedded";
    static final String DATA_DIR = "gateway.db.embedded-data-dir";
    /** Above every other source: a configured port that did not answer must not win over the embedded one. */
    static final int ORDINAL = Integer.MAX_VALUE;
    private static final int PROBE_TIMEOUT_MS = 1000;
    private static final String LIBRARY = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    enum Mode {
        AUTO, TRUE, FALSE;

        static Mode parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(MODE + " is '" + value + "': use auto, true or false");
            }
        }
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        // the build (and dev mode's augmentation) reads configuration too: only a starting application needs one
        if (ExecutionMode.current() != ExecutionMode.RUNTIME_INIT) {
            return List.of();
        }
        Mode mode = Mode.parse(value(context, MODE, "false"));
        String host = value(context, "gateway.db.host", "127.0.0.1");
        int port = Integer.parseInt(value(context, "gateway.db.port", "5432"));
        if (mode == Mode.FALSE || mode == Mode.AUTO && answers(host, port)) {
            return List.of();
        }
        if (!libraryPresent()) {
            throw new ConfigurationException((mode == Mode.TRUE ? MODE + "=true"
                    : "No PostgreSQL answers at " + host + ":" + port + " and " + MODE + "=auto")
                    + ", but the embedded PostgreSQL is part of development and test builds only: set DB_HOST, "
                    + "DB_PORT, DB_NAME and DB_USER to a PostgreSQL server");
        }
        String dataDir = value(context, DATA_DIR, "");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir.isBlank() ? null : Path.of(dataDir),
                value(context, "gateway.db.name", "calendar_gateway"));
        LOG.infof("%s: using an embedded PostgreSQL on 127.0.0.1:%d (%s); GATEWAY_DB_EMBEDDED=false turns this off",
                mode == Mode.TRUE ? MODE + "=true" : "No PostgreSQL answers at " + host + ":" + port, server.port(),
                server.describe());
        return List.of(new PropertiesConfigSource(Map.of(
                "gateway.db.host", "127.0.0.1",
                "gateway.db.port", String.valueOf(server.port()),
                "quarkus.datasource.username", EmbeddedPostgresServer.USER), "embedded PostgreSQL", ORDINAL));
    }

    /** True when something accepts a TCP connection there. */
    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), PROBE_TIMEOUT_MS);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean libraryPresent() {
        try {
            Class.forName(LIBRARY, false, EmbeddedDatabase.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? fallback : value.getValue();
    }
}
