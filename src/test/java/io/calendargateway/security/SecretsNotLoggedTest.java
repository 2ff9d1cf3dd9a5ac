package io.calendargateway.security;

import io.calendargateway.simulator.Scenarios;
import io.calendargateway.support.LogCapture;
import io.calendargateway.support.SimulatorResource;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import static io.calendargateway.support.Admin.admin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets are write-only: whatever happens to a profile (create, failing sign-ins, update, delete), neither its
 * password nor its client secret appears in a response or in any log record, with the gateway's own categories at
 * DEBUG. Library categories that would print request headers at DEBUG ({@code org.apache.http},
 * {@code microsoft.exchange}) are pinned to WARN in application.properties for that reason.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(SimulatorResource.class)
class SecretsNotLoggedTest {

    private static final String PASSWORD = "Pa55-never-in-logs-7f3a";
    private static final String CLIENT_SECRET = "Secret-never-in-logs-9c1e";

    private LogCapture capture;
    private Level previous;

    @BeforeEach
    void captureLogs() {
        capture = LogCapture.start();
        previous = Logger.getLogger("io.calendargateway").getLevel();
        Logger.getLogger("io.calendargateway").setLevel(Level.FINEST);
    }

    @AfterEach
    void stopCapturing() {
        capture.close();
        Logger.getLogger("io.calendargateway").setLevel(previous);
    }

    @Test
    void secretsShouldNeverBeLoggedOrReturned() {
        var sim = SimulatorResource.simulator();
        String ntlm = """
                {"name": "%s", "kind": "EWS", "serviceUrl": "%s",
                 "auth": {"type": "NTLM", "username": "svc-gateway", "password": "%s", "domain": "CONTOSO"}}
                """.formatted("secret-log-" + UUID.randomUUID(), sim.ewsUrl(), PASSWORD);
        String oauth = """
                {"name": "%s", "kind": "EWS", "serviceUrl": "%s", "tenantId": "%s",
                 "auth": {"type": "OAUTH2_PASSWORD", "clientId": "%s", "clientSecret": "%s", "tokenUrl": "%s",
                          "username": "admin@fabrikam.com", "password": "%s"}}
                """.formatted("secret-log-" + UUID.randomUUID(), sim.ewsUrl(), Scenarios.FABRIKAM_TENANT_ID,
                Scenarios.FABRIKAM_APP_CONSENTED, CLIENT_SECRET, sim.tokenUrl(Scenarios.FABRIKAM_TENANT_ID), PASSWORD);

        StringBuilder responses = new StringBuilder();
        for (String profile : List.of(ntlm, oauth)) {
            var created = admin().body(profile).when().post("/profiles").then().statusCode(201).extract().response();
            String id = created.path("id");
            responses.append(created.asString());
            responses.append(admin().queryParam("mailbox", "room1@contoso.com").when()
                    .post("/profiles/" + id + "/test").then().statusCode(200).extract().asString());
            responses.append(admin().header("If-Match", created.header("ETag")).body(profile)
                    .when().put("/profiles/" + id).then().statusCode(200).extract().asString());
            responses.append(admin().when().get("/profiles").then().statusCode(200).extract().asString());
            admin().when().delete("/profiles/" + id).then().statusCode(204);
        }
        responses.append(admin().body("{\"email\": \"room1@contoso.com\", \"auth\": {\"type\": \"NTLM\", "
                + "\"username\": \"svc-gateway\", \"password\": \"" + PASSWORD + "\", \"domain\": \"CONTOSO\"}}")
                .when().post("/autodiscover").then().extract().asString());

        assertThat(responses.toString()).doesNotContain(PASSWORD).doesNotContain(CLIENT_SECRET);
        List<String> logged = capture.records().stream().map(LogCapture::text).toList();
        assertThat(logged).as("log records captured").isNotEmpty();
        assertThat(logged).noneMatch(line -> line.contains(PASSWORD) || line.contains(CLIENT_SECRET));
    }
}
