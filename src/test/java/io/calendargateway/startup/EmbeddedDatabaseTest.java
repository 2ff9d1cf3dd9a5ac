package io.calendargateway.startup;

import io.calendargateway.support.FirstRun;
import io.calendargateway.support.Migrations;
import io.calendargateway.support.OpenApi;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/** Nothing answers at the configured PostgreSQL port: the gateway starts on an embedded PostgreSQL. */
@QuarkusTest
@TestProfile(FirstRun.class)
class EmbeddedDatabaseTest {

    @ConfigProperty(name = "gateway.db.port")
    int port;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String reactiveUrl;

    @Test
    void shouldStartOnAnEmbeddedPostgresWhenNothingAnswers() throws Exception {
        assertThat(port).isNotEqualTo(FirstRun.CLOSED_PORT).isPositive();
        assertThat(jdbcUrl).as("Flyway").isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/test");
        assertThat(reactiveUrl).as("requests").isEqualTo("postgresql://127.0.0.1:" + port + "/test");
        given().filter(OpenApi.validated())
                .when().get("/health")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'migrations' }.data.schemaVersion", equalTo(Migrations.newest()));
        // the embedded server's PostgreSQL 14, not the machine's own
        assertThat(TestDatabase.row("SHOW server_version").get("server_version")).startsWith("14.");
    }

    @Test
    void shouldProbeThePortAndReadTheMode() throws IOException {
        try (ServerSocket listening = new ServerSocket(0)) {
            assertThat(EmbeddedDatabase.answers("127.0.0.1", listening.getLocalPort())).isTrue();
        }
        assertThat(EmbeddedDatabase.answers("127.0.0.1", FirstRun.CLOSED_PORT)).isFalse();
        assertThat(EmbeddedDatabase.Mode.parse(" Auto ")).isEqualTo(EmbeddedDatabase.Mode.AUTO);
        assertThatThrownBy(() -> EmbeddedDatabase.Mode.parse("yes"))
                .hasMessage("gateway.db.embedded is 'yes': use auto, true or false");
    }
}
