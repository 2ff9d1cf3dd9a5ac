package io.calendargateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.DriverManager;
import java.util.Map;

/**
 * The suite runs in its own schema of the local {@code test} database: Flyway cleans and creates it when the
 * application starts, and this resource drops it when the suite is done, so nothing is left behind.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of();
    }

    @Override
    public void stop() {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String schema = config.getValue("gateway.db.schema", String.class);
        try (var connection = DriverManager.getConnection(url, user, "");
             var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS \"" + schema.replace("\"", "") + "\" CASCADE");
        } catch (Exception e) {
            System.err.println("Could not drop test schema " + schema + ": " + e.getMessage());
        }
    }
}
