package io.calendargateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
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
        String schema = schema();
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS \"" + schema.replace("\"", "") + "\" CASCADE");
        } catch (Exception e) {
            System.err.println("Could not drop test schema " + schema + ": " + e.getMessage());
        }
    }

    /** The first row of a query in the test schema, as column name to text: to look at what is really stored. */
    public static Map<String, String> row(String sql) throws SQLException {
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.execute("SET search_path TO \"" + schema() + "\"");
            try (ResultSet rs = statement.executeQuery(sql)) {
                if (!rs.next()) {
                    return Map.of();
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
                }
                return row;
            }
        }
    }

    /** Runs a statement in the test schema, as another replica (or an operator with psql) would. */
    public static void execute(String sql) throws SQLException {
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.execute("SET search_path TO \"" + schema() + "\"");
            statement.execute(sql);
        }
    }

    private static String schema() {
        return ConfigProvider.getConfig().getValue("gateway.db.schema", String.class);
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), "");
    }
}
