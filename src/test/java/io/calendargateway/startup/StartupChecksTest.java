package io.calendargateway.startup;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StartupChecksTest {

    private static final String KEY = "dGVzdC1rZXktYS1ub3QtZm9yLXByb2R1Y3Rpb24hISE=";
    private static final List<String> TOKENS = List.of("a-token");

    @Test
    void productionShouldStartWithATokenAndAKey() {
        assertThat(StartupChecks.problems(LaunchMode.NORMAL, TOKENS, Map.of("k1", KEY), null, false, false))
                .isEmpty();
        assertThat(StartupChecks.problems(LaunchMode.NORMAL, TOKENS, Map.of("k1", KEY), null, true, true))
                .as("demo mode confirmed").isEmpty();
    }

    @Test
    void productionShouldNameTheMissingAdminToken() {
        assertThat(StartupChecks.problems(LaunchMode.NORMAL, List.of(" "), Map.of("k1", KEY), null, false, false))
                .containsExactly("No admin token: set GATEWAY_ADMIN_TOKENS (gateway.admin.tokens, comma-separated); "
                        + "without one every admin call would be refused");
    }

    @Test
    void productionShouldNameEveryProblemAtOnce() {
        List<String> problems = StartupChecks.problems(LaunchMode.NORMAL, List.of(), Map.of(), null, true, false);

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("No admin token: set GATEWAY_ADMIN_TOKENS");
        assertThat(problems.get(1)).startsWith("No secret encryption key: set gateway.secrets.keys.<id> (environment "
                + "GATEWAY_SECRETS_KEYS_<ID>");
        assertThat(problems.get(2)).isEqualTo("gateway.demo.enabled is set: demo mode serves made-up calendars. "
                + "Turn it off, or confirm with gateway.demo.allow-in-production=true");
        assertThat(StartupChecks.message(problems)).isEqualTo("Calendar Gateway cannot start: 3 configuration problems"
                + System.lineSeparator() + "  - " + problems.get(0)
                + System.lineSeparator() + "  - " + problems.get(1)
                + System.lineSeparator() + "  - " + problems.get(2));
    }

    @Test
    void shouldNameEveryBadKeyAndTheMissingActiveKey() {
        assertThat(StartupChecks.problems(LaunchMode.NORMAL, TOKENS, Map.of("k1", "c2hvcnQ=", "k2", "not base64!"),
                null, false, false)).containsExactly(
                "gateway.secrets.keys.k1 must decode to exactly 32 bytes (got 5); create one with: "
                        + "openssl rand -base64 32",
                "gateway.secrets.keys.k2 is not valid base64");
        assertThat(StartupChecks.problems(LaunchMode.NORMAL, TOKENS, Map.of("k1", KEY, "k2", KEY), null, false, false))
                .containsExactly("gateway.secrets.active-key-id is required when several keys are configured [k1, k2]");
        assertThat(StartupChecks.problems(LaunchMode.DEVELOPMENT, List.of(), Map.of("k1", KEY, "k2", KEY), "k3", false,
                false)).as("an unusable key fails in every mode").containsExactly(
                "gateway.secrets.active-key-id names 'k3', which is not among the configured keys [k1, k2]");
    }

    @Test
    void developmentAndTestsNeedNoTokenKeyOrConfirmation() {
        assertThat(StartupChecks.problems(LaunchMode.DEVELOPMENT, List.of(), Map.of(), null, true, false)).isEmpty();
        assertThat(StartupChecks.problems(LaunchMode.TEST, List.of(), Map.of(), null, true, false)).isEmpty();
    }

    @Test
    void databaseFailuresShouldBeOneLineNamingHostDatabaseAndUser() {
        DatabaseTarget target = new DatabaseTarget("db.internal", 5432, "calendar_gateway", "gateway");

        assertThat(target.explain(new PSQLException("Connection to db.internal:5432 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused"))))
                .isEqualTo("PostgreSQL at db.internal:5432 does not answer (database calendar_gateway, user gateway): "
                        + "start it, or set DB_HOST and DB_PORT; see the README, 'Running without compose'");
        assertThat(target.explain(new SQLException("FATAL: role \"gateway\" does not exist", "28000")))
                .isEqualTo("PostgreSQL at db.internal:5432 has no role \"gateway\" (database calendar_gateway): "
                        + "create it (createuser --pwprompt gateway) or set DB_USER and DB_PASSWORD");
        assertThat(target.explain(new SQLException("FATAL: database \"calendar_gateway\" does not exist", "3D000")))
                .isEqualTo("PostgreSQL at db.internal:5432 has no database \"calendar_gateway\" (user gateway): "
                        + "create it (createdb --owner gateway calendar_gateway) or set DB_NAME");
        assertThat(target.explain(new SQLException("FATAL: password authentication failed for user \"gateway\"",
                "28P01"))).isEqualTo("PostgreSQL at db.internal:5432 refused the password of user \"gateway\" "
                + "(database calendar_gateway): check DB_PASSWORD");
    }
}
