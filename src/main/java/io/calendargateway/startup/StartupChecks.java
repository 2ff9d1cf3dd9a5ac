package io.calendargateway.startup;

import io.calendargateway.config.DemoConfig;
import io.calendargateway.config.SecretsConfig;
import io.calendargateway.profile.SecretCipher;
import io.calendargateway.security.AdminConfig;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What must hold before the gateway touches its database. Production refuses to start on configuration that
 * cannot work or would be unsafe, and names every problem in one message, so an operator fixes them in one go
 * rather than one restart each: no admin token (every admin call would be refused), no encryption key (profiles
 * could not be stored, and a built-in key would be known to everybody), an invalid key, several keys without an
 * active one, demo mode without its confirmation. Then the database must answer: an unreachable server, a missing
 * role or database is one line naming host, database and user instead of a driver stack trace.
 * <p>
 * Runs as Flyway's configuration customizer: that is the last step before the first migration (or the cleaning
 * of the test schema). A {@link ConfigurationException} is printed by Quarkus as its message alone.
 */
@Singleton
public class StartupChecks implements FlywayConfigurationCustomizer {

    private static final Logger LOG = Logger.getLogger(StartupChecks.class);

    private final AdminConfig admin;
    private final SecretsConfig secrets;
    private final DemoConfig demo;
    private final DatabaseTarget database;

    public StartupChecks(AdminConfig admin, SecretsConfig secrets, DemoConfig demo,
                         @ConfigProperty(name = "gateway.db.host") String host,
                         @ConfigProperty(name = "gateway.db.port") int port,
                         @ConfigProperty(name = "gateway.db.name") String name,
                         @ConfigProperty(name = "quarkus.datasource.username") String user) {
        this.admin = admin;
        this.secrets = secrets;
        this.demo = demo;
        this.database = new DatabaseTarget(host, port, name, user);
    }

    @Override
    public void customize(FluentConfiguration flyway) {
        List<String> problems = problems(LaunchMode.current(), admin.tokens().orElse(List.of()), secrets.keys(),
                secrets.activeKeyId().orElse(null), demo.enabled(), demo.allowInProduction());
        if (!problems.isEmpty()) {
            throw new ConfigurationException(message(problems));
        }
        LOG.infof("Secrets are encrypted with key '%s'", new SecretCipher(secrets.keys(),
                secrets.activeKeyId().orElse(null)).activeKeyId().orElse("(none)"));
        try (Connection connection = flyway.getDataSource().getConnection()) {
            LOG.debugf("Database %s answers", database);
        } catch (SQLException e) {
            throw new ConfigurationException(database.explain(e));
        }
    }

    /** Every configuration problem, in the order of the README's configuration table; empty when it can start. */
    static List<String> problems(LaunchMode mode, List<String> adminTokens, Map<String, String> keys,
                                 String activeKeyId, boolean demoEnabled, boolean demoAllowedInProduction) {
        boolean production = mode == LaunchMode.NORMAL;
        List<String> problems = new ArrayList<>();
        if (production && adminTokens.stream().allMatch(String::isBlank)) {
            problems.add("No admin token: set GATEWAY_ADMIN_TOKENS (gateway.admin.tokens, comma-separated); without "
                    + "one every admin call would be refused");
        }
        List<String> keyProblems = new ArrayList<>();
        keys.forEach((id, value) -> {
            try {
                new SecretCipher(Map.of(id, value), id);
            } catch (IllegalArgumentException e) {
                keyProblems.add(e.getMessage());
            }
        });
        if (keyProblems.isEmpty()) {
            try {
                if (!new SecretCipher(keys, activeKeyId).isConfigured() && production) {
                    keyProblems.add("No secret encryption key: set gateway.secrets.keys.<id> (environment "
                            + "GATEWAY_SECRETS_KEYS_<ID>, base64 of 32 random bytes: openssl rand -base64 32) and "
                            + "gateway.secrets.active-key-id; see the README, 'Secret encryption'");
                }
            } catch (IllegalArgumentException e) {
                keyProblems.add(e.getMessage());
            }
        }
        problems.addAll(keyProblems.stream().sorted().toList());
        if (production && demoEnabled && !demoAllowedInProduction) {
            problems.add("gateway.demo.enabled is set: demo mode serves made-up calendars. Turn it off, or confirm "
                    + "with gateway.demo.allow-in-production=true");
        }
        return problems;
    }

    static String message(List<String> problems) {
        return "Calendar Gateway cannot start: " + (problems.size() == 1 ? "1 configuration problem"
                : problems.size() + " configuration problems") + problems.stream()
                .collect(Collectors.joining(System.lineSeparator() + "  - ", System.lineSeparator() + "  - ", ""));
    }
}
