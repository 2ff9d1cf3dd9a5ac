package io.calendargateway.profile;

import io.calendargateway.simulator.Scenarios;
import io.calendargateway.support.SimulatorResource;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.util.Map;
import java.util.UUID;

import static io.calendargateway.support.Admin.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Key rotation end to end: a secret written under key A stays usable once key B is active, and after
 * {@code POST /secrets/re-encrypt} it is readable with B alone, so A can be removed from configuration.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.KeyBActive.class)
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(SimulatorResource.class)
class KeyRotationTest {

    static final String KEY_A = "dGVzdC1rZXktYS1ub3QtZm9yLXByb2R1Y3Rpb24hISE=";
    static final String KEY_B = "dGVzdC1rZXktYi1ub3QtZm9yLXByb2R1Y3Rpb24hISE=";

    /** Both keys listed, B active: the state right after an operator added B. */
    public static class KeyBActive implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.secrets.keys.test-a", KEY_A, "gateway.secrets.keys.test-b", KEY_B,
                    "gateway.secrets.active-key-id", "test-b");
        }
    }

    @Test
    void secretsWrittenUnderOldKeyShouldSurviveRotation() throws Exception {
        SecretCipher onlyA = new SecretCipher(Map.of("test-a", KEY_A), "test-a");
        SecretCipher onlyB = new SecretCipher(Map.of("test-b", KEY_B), "test-b");
        UUID id = UUID.randomUUID();
        String underA = onlyA.encrypt(Scenarios.SVC_GATEWAY_PASSWORD);
        insertProfileWrittenUnderKeyA(id, underA);

        // readable and usable while A is still listed
        admin().when().get("/profiles/" + id).then().statusCode(200).body("auth.passwordSet", equalTo(true));
        admin().queryParam("mailbox", "room1@contoso.com").when().post("/profiles/" + id + "/test")
                .then().statusCode(200)
                .body("ok", equalTo(true))
                .body("steps.find { it.name == 'authentication' }.status", equalTo("OK"));

        admin().when().post("/secrets/re-encrypt")
                .then().statusCode(200)
                .body("reEncrypted", equalTo(1))
                .body("total", equalTo(1))
                .body("failed", org.hamcrest.Matchers.empty())
                .body("activeKeyId", equalTo("test-b"));

        String stored = TestDatabase.row("SELECT auth_password_enc FROM profile WHERE id = '" + id + "'")
                .get("auth_password_enc");
        assertThat(stored).startsWith("v1:test-b:").isNotEqualTo(underA);
        assertThat(onlyB.decrypt(stored)).isEqualTo(Scenarios.SVC_GATEWAY_PASSWORD);

        // a second run has nothing left to do
        admin().when().post("/secrets/re-encrypt").then().statusCode(200)
                .body("reEncrypted", equalTo(0)).body("total", equalTo(1));
    }

    @Test
    void secretUnderARemovedKeyShouldBeAClear500() throws Exception {
        String gone = "dGhpcy1rZXktd2FzLXJlbW92ZWQtdG9vLWVhcmx5ISE=";
        UUID id = UUID.randomUUID();
        insertProfileWrittenUnderKeyA(id, new SecretCipher(Map.of("gone", gone), "gone").encrypt("Pa55-gone"));
        admin().when().post("/secrets/re-encrypt").then().statusCode(200)
                .body("failed", org.hamcrest.Matchers.contains(id.toString()));
        admin().queryParam("mailbox", "room1@contoso.com").when().post("/profiles/" + id + "/test")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("title", equalTo("Stored secret cannot be decrypted"))
                .body("code", equalTo("SECRET_KEY"))
                .body("detail", equalTo("Secret was encrypted with key 'gone', which is not configured "
                        + "(gateway.secrets.keys)"));
        admin().when().delete("/profiles/" + id).then().statusCode(204);
    }

    private static void insertProfileWrittenUnderKeyA(UUID id, String encryptedPassword) throws Exception {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        String schema = config.getValue("gateway.db.schema", String.class);
        try (var connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), "");
             var insert = connection.prepareStatement("INSERT INTO \"" + schema + "\".profile (id, name, kind, "
                     + "service_url, auth_type, auth_username, auth_domain, auth_password_enc, access, domains, "
                     + "created_at, updated_at) VALUES (?, ?, 'EWS', ?, 'NTLM', 'svc-gateway', 'CONTOSO', ?, "
                     + "'IMPERSONATION', '{}', now(), now())")) {
            insert.setObject(1, id);
            insert.setString(2, "rotation-" + id);
            insert.setString(3, SimulatorResource.simulator().ewsUrl());
            insert.setString(4, encryptedPassword);
            insert.executeUpdate();
        }
    }
}
