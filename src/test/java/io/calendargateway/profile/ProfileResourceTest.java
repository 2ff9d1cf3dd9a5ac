package io.calendargateway.profile;

import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.util.Map;
import java.util.UUID;

import static io.calendargateway.support.Admin.admin;
import static io.calendargateway.support.Admin.adminResponseValidated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ProfileResourceTest {

    static String onPremises(String name, String password) {
        return """
                {"name": "%s", "kind": "EWS", "serviceUrl": "https://mail.contoso.com/EWS/Exchange.asmx",
                 "auth": {"type": "NTLM", "username": "svc-gateway", "password": "%s", "domain": "CONTOSO"},
                 "access": "IMPERSONATION", "domains": ["%s.Contoso.com"], "timeZone": "Europe/Berlin"}
                """.formatted(name, password, name);
    }

    static String graph(String name, String secret) {
        return """
                {"name": "%s", "kind": "GRAPH", "tenantId": "fabrikam.onmicrosoft.com",
                 "auth": {"type": "OAUTH2_CLIENT_CREDENTIALS", "clientId": "11111111-2222-3333-4444-555555555555",
                          "clientSecret": "%s"}}
                """.formatted(name, secret);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldCreateReadAndListWithoutSecrets() {
        String name = unique("contoso");
        Response created = admin().body(onPremises(name, "S3cret-Passw0rd!"))
                .when().post("/profiles")
                .then().statusCode(201)
                .body("name", equalTo(name))
                .body("kind", equalTo("EWS"))
                .body("auth.type", equalTo("NTLM"))
                .body("auth.username", equalTo("svc-gateway"))
                .body("auth.domain", equalTo("CONTOSO"))
                .body("auth.passwordSet", equalTo(true))
                .body("auth.clientSecretSet", equalTo(false))
                .body("auth", not(org.hamcrest.Matchers.hasKey("password")))
                .body("domains", contains(name + ".contoso.com"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("access", equalTo("IMPERSONATION"))
                .body("warnings", empty())
                .extract().response();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/profiles/" + id);
        assertThat(created.asString()).doesNotContain("S3cret-Passw0rd!");

        admin().when().get("/profiles/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("id", equalTo(id))
                .body("auth.passwordSet", equalTo(true));
        String list = admin().when().get("/profiles").then().statusCode(200)
                .body("name", hasItem(name)).extract().asString();
        assertThat(list).doesNotContain("S3cret-Passw0rd!");
    }

    @Test
    void shouldStoreSecretsEncryptedInTheDatabase() throws Exception {
        String id = admin().body(graph(unique("fabrikam"), "client-secret-value-123"))
                .when().post("/profiles").then().statusCode(201)
                .body("serviceUrl", equalTo("https://graph.microsoft.com/v1.0"))
                .body("authorityUrl", equalTo("https://login.microsoftonline.com"))
                .body("auth.clientSecretSet", equalTo(true))
                .body("access", nullValue())
                .extract().path("id");
        Map<String, String> row = TestDatabase.row("SELECT * FROM profile WHERE id = '" + id + "'");
        assertThat(row.get("auth_client_secret_enc")).startsWith("v1:test-a:")
                .doesNotContain("client-secret-value-123");
        assertThat(row.values()).noneMatch(v -> v != null && v.contains("client-secret-value-123"));
    }

    @Test
    void shouldWarnAboutLegacyPasswordGrantOnExchangeOnline() {
        admin().body("""
                        {"name": "%s", "kind": "EWS", "serviceUrl": "https://outlook.office365.com/EWS/Exchange.asmx",
                         "tenantId": "contoso.onmicrosoft.com",
                         "auth": {"type": "OAUTH2_PASSWORD", "clientId": "app", "clientSecret": "s",
                                  "username": "svc@contoso.com", "password": "p"}}
                        """.formatted(unique("legacy")))
                .when().post("/profiles")
                .then().statusCode(201)
                .body("warnings.code", contains("LEGACY_PASSWORD_GRANT", "EXCHANGE_ONLINE_EWS_RETIREMENT"))
                .body("warnings[0].message", containsString("cannot do MFA"))
                .body("warnings[1].message", containsString("2027-04-01"));
    }

    @Test
    void shouldWarnOnEveryReadWhenTlsVerificationIsOff() {
        String id = admin().body("""
                        {"name": "%s", "kind": "EWS", "serviceUrl": "https://mail.contoso.com/EWS/Exchange.asmx",
                         "auth": {"type": "BASIC", "username": "u", "password": "p"},
                         "tls": {"insecureSkipVerify": true}}
                        """.formatted(unique("insecure")))
                .when().post("/profiles")
                .then().statusCode(201)
                .body("warnings.code", contains("INSECURE_TLS"))
                .extract().path("id");
        admin().when().get("/profiles/" + id).then().statusCode(200)
                .body("tls.insecureSkipVerify", equalTo(true))
                .body("warnings.code", contains("INSECURE_TLS"));
    }

    @Test
    void shouldRejectDuplicateNames() {
        String name = unique("dup");
        admin().body(onPremises(name, "p")).when().post("/profiles").then().statusCode(201);
        admin().body(onPremises(name, "p")).when().post("/profiles")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("A profile named '" + name + "' already exists"));
    }

    @Test
    void shouldNameEveryInvalidField() {
        adminResponseValidated().body("""
                        {"name": "%s", "kind": "EWS",
                         "auth": {"type": "NTLM", "username": "svc"},
                         "timeZone": "Europe/Atlantis", "domains": ["not a domain"],
                         "tls": {"caBundlePem": "-----BEGIN CERTIFICATE-----\\nnope\\n-----END CERTIFICATE-----"}}
                        """.formatted(unique("bad")))
                .when().post("/profiles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Validation failed"))
                .body("errors.field", contains("serviceUrl", "auth.password", "timeZone", "domains[0]",
                        "tls.caBundlePem"))
                .body("errors.find { it.field == 'timeZone' }.message",
                        equalTo("not an IANA time zone such as Europe/Berlin"));
    }

    @Test
    void shouldRejectGraphProfileWithPasswordGrant() {
        adminResponseValidated().body("""
                        {"name": "%s", "kind": "GRAPH", "tenantId": "t",
                         "auth": {"type": "OAUTH2_PASSWORD", "clientId": "c", "clientSecret": "s", "username": "u", "password": "p"}}
                        """.formatted(unique("graph-ropc")))
                .when().post("/profiles")
                .then().statusCode(400)
                .body("errors.field", contains("auth.type"));
    }

    @Test
    void shouldUpdateWithIfMatchAndKeepOmittedSecrets() throws Exception {
        String name = unique("update");
        Response created = admin().body(onPremises(name, "first-password")).when().post("/profiles")
                .then().statusCode(201).extract().response();
        String id = created.path("id");
        String etag = created.header("ETag");
        String storedBefore = TestDatabase.row("SELECT auth_password_enc FROM profile WHERE id = '" + id + "'")
                .get("auth_password_enc");

        String update = """
                {"name": "%s", "kind": "EWS", "serviceUrl": "https://mail2.contoso.com/EWS/Exchange.asmx",
                 "auth": {"type": "NTLM", "username": "svc-gateway", "domain": "CONTOSO"}, "timeZone": "America/New_York"}
                """.formatted(name);
        adminResponseValidated().body(update).when().put("/profiles/" + id)
                .then().statusCode(428).body("title", equalTo("Precondition Required"));
        admin().header("If-Match", "\"stale\"").body(update).when().put("/profiles/" + id)
                .then().statusCode(412).body("detail", containsString(etag));

        Response updated = admin().header("If-Match", etag).body(update).when().put("/profiles/" + id)
                .then().statusCode(200)
                .body("serviceUrl", equalTo("https://mail2.contoso.com/EWS/Exchange.asmx"))
                .body("timeZone", equalTo("America/New_York"))
                .body("auth.passwordSet", equalTo(true))
                .body("version", equalTo(1))
                .extract().response();
        assertThat(updated.header("ETag")).isNotEqualTo(etag);
        assertThat(TestDatabase.row("SELECT auth_password_enc FROM profile WHERE id = '" + id + "'")
                .get("auth_password_enc")).isEqualTo(storedBefore);

        admin().header("If-Match", etag).body(update).when().put("/profiles/" + id).then().statusCode(412);
    }

    @Test
    void updateWithoutServiceUrlShouldKeepTheOneFoundBefore() {
        String name = unique("keep-url");
        Response created = admin().body(onPremises(name, "p")).when().post("/profiles")
                .then().statusCode(201).extract().response();
        String id = created.path("id");
        admin().header("If-Match", created.header("ETag")).body("""
                        {"name": "%s", "kind": "EWS", "autodiscoverEmail": "room1@contoso.com",
                         "auth": {"type": "NTLM", "username": "svc-gateway", "domain": "CONTOSO"}}
                        """.formatted(name))
                .when().put("/profiles/" + id)
                .then().statusCode(200)
                .body("serviceUrl", equalTo("https://mail.contoso.com/EWS/Exchange.asmx"))
                .body("autodiscoverEmail", equalTo("room1@contoso.com"));
    }

    @Test
    void switchingGraphToEwsWithoutServiceUrlShouldBe400() {
        String name = unique("switch");
        Response created = admin().body(graph(name, "s")).when().post("/profiles")
                .then().statusCode(201).extract().response();
        adminResponseValidated().header("If-Match", created.header("ETag")).body("""
                        {"name": "%s", "kind": "EWS", "autodiscoverEmail": "room1@contoso.com",
                         "auth": {"type": "BASIC", "username": "u", "password": "p"}}
                        """.formatted(name))
                .when().put("/profiles/" + created.path("id"))
                .then().statusCode(400)
                .body("errors.field", contains("serviceUrl"))
                .body("errors[0].message", equalTo("required: autodiscover runs only when a profile is created"));
    }

    @Test
    void shouldRejectHttpsProxiesBlankDomainsAndDelegatedAppOnlyEws() {
        adminResponseValidated().body("""
                        {"name": "%s", "kind": "EWS", "serviceUrl": "https://outlook.office365.com/EWS/Exchange.asmx",
                         "tenantId": "t", "access": "DELEGATE", "proxy": "https://proxy.contoso.com:3128",
                         "auth": {"type": "OAUTH2_CLIENT_CREDENTIALS", "clientId": "c", "clientSecret": "s"}}
                        """.formatted(unique("bad-proxy")))
                .when().post("/profiles")
                .then().statusCode(400)
                .body("errors.field", contains("proxy", "access"));
        adminResponseValidated().body("""
                        {"name": "%s", "kind": "EWS", "serviceUrl": "https://mail.contoso.com/EWS/Exchange.asmx",
                         "domains": ["contoso.com", " "], "auth": {"type": "BASIC", "username": "u", "password": "p"}}
                        """.formatted(unique("blank-domain")))
                .when().post("/profiles")
                .then().statusCode(400)
                .body("errors.field", contains("domains[1]"));
    }

    @Test
    void shouldDeleteAndThenAnswer404() {
        String id = admin().body(onPremises(unique("delete"), "p")).when().post("/profiles")
                .then().statusCode(201).extract().path("id");
        admin().when().delete("/profiles/" + id).then().statusCode(204);
        admin().when().get("/profiles/" + id).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No profile with id " + id))
                .body("instance", equalTo("/profiles/" + id));
        admin().when().delete("/profiles/" + id).then().statusCode(404);
        admin().when().get("/profiles/not-a-uuid").then().statusCode(404);
    }

    @Test
    void shouldWarnWhenTwoProfilesClaimOneDomain() {
        String first = unique("first");
        String older = admin().body(onPremises(first, "pw")).when().post("/profiles").then().statusCode(201)
                .body("warnings", empty()).extract().path("id");
        String body = onPremises(unique("second"), "pw").replace("second-", "x-").replaceAll(
                "\"domains\": \\[\"[^\"]+\"]", "\"domains\": [\"" + first + ".contoso.com\", \"other.example\"]");
        Response second = admin().body(body).when().post("/profiles").then().statusCode(201)
                .body("warnings.code", contains("DOMAIN_OVERLAP"))
                .extract().response();
        assertThat(second.jsonPath().getString("warnings[0].message")).isEqualTo("Profile '" + first + "' ("
                + older + ") claims " + first + ".contoso.com too; it is older and serves the unbound rooms of that "
                + "domain. Remove the domain from one of them.");
        admin().when().get("/profiles/" + older).then().statusCode(200)
                .body("warnings.code", contains("DOMAIN_OVERLAP"))
                .body("warnings[0].message", containsString("this profile is older and serves"));
        admin().when().delete("/profiles/" + second.path("id")).then().statusCode(204);
        admin().when().get("/profiles/" + older).then().statusCode(200).body("warnings", empty());
        admin().when().delete("/profiles/" + older).then().statusCode(204);
    }
}
