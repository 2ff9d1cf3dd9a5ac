package io.calendargateway.diagnostics;

import io.calendargateway.simulator.ExchangeSimulator;
import io.calendargateway.simulator.Scenarios;
import io.calendargateway.simulator.SchemaSupport;
import io.calendargateway.support.LogCapture;
import io.calendargateway.support.SimulatorResource;
import io.calendargateway.support.TestDatabase;
import io.calendargateway.upstream.Hints;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static io.calendargateway.support.Admin.admin;
import static io.calendargateway.support.Admin.adminResponseValidated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code POST /profiles/{id}/test} against the simulated Exchange, for every auth type and each failure of
 * PRODUCT.md §6 the simulator can produce: the exact step status, code and hint.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(SimulatorResource.class)
class ProfileDiagnosticsTest {

    /** The gateway's own EWS traffic (ews-java-api requests, the simulator's answers) validates against the schema. */
    @AfterAll
    static void everyEwsMessageShouldValidateAgainstTheSchema() {
        int validated = SchemaSupport.assertEwsTrafficValid(sim());
        if (SchemaSupport.available()) {
            assertThat(validated).as("EWS bodies validated").isGreaterThan(20);
        }
    }

    private static ExchangeSimulator sim() {
        return SimulatorResource.simulator();
    }

    private static String json(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
    }

    private static String onPremises(String type, String user, String password, String access, boolean https,
                                     boolean trustSimulator) {
        String tls = trustSimulator ? ", \"tls\": {\"caBundlePem\": " + json(sim().httpsCertificatePem()) + "}" : "";
        return """
                {"name": "%s", "kind": "EWS", "serviceUrl": "%s", "timeZone": "Europe/Berlin", "access": "%s",
                 "auth": {"type": "%s", "username": "%s", "password": "%s", "domain": "CONTOSO"}%s}
                """.formatted("diag-" + UUID.randomUUID(), https ? sim().ewsHttpsUrl() : sim().ewsUrl(), access,
                type, user, password, tls);
    }

    private static String online(String type, String tenant, String clientId, String secret, String user,
                                 String password) {
        String userPart = user == null ? "" : ", \"username\": \"%s\", \"password\": \"%s\"".formatted(user, password);
        return """
                {"name": "%s", "kind": "EWS", "serviceUrl": "%s", "tenantId": "%s",
                 "auth": {"type": "%s", "clientId": "%s", "clientSecret": "%s", "tokenUrl": "%s"%s}}
                """.formatted("diag-" + UUID.randomUUID(), sim().ewsUrl(), tenant, type, clientId, secret,
                sim().tokenUrl(tenant), userPart);
    }

    private static JsonPath test(String profile, String mailbox) {
        String id = admin().body(profile).when().post("/profiles").then().statusCode(201).extract().path("id");
        var request = admin();
        if (mailbox != null) {
            request.queryParam("mailbox", mailbox);
        }
        return request.when().post("/profiles/" + id + "/test").then().statusCode(200).extract().jsonPath();
    }

    private static void assertStep(JsonPath report, String name, String status, String code, String hint) {
        String path = "steps.find { it.name == '" + name + "' }";
        String detail = report.getString(path + ".detail");
        assertThat(report.getString(path + ".status")).as(name + " status (" + detail + ")").isEqualTo(status);
        assertThat(report.getString(path + ".code")).as(name + " code").isEqualTo(code);
        assertThat(report.getString(path + ".hint")).as(name + " hint").isEqualTo(hint);
    }

    @Test
    void ntlmWithImpersonationOverVerifiedTlsShouldPassEveryStep() {
        int before = sim().captured().size();
        JsonPath report = test(onPremises("NTLM", "svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD, "IMPERSONATION",
                true, true), "room1@contoso.com");
        assertThat(report.getBoolean("ok")).isTrue();
        assertThat(report.getList("steps.name")).containsExactly("token", "tls", "authentication", "serverVersion",
                "mailboxAccess", "calendarRead");
        assertThat(report.getList("steps.status")).containsExactly("SKIPPED", "OK", "OK", "OK", "OK", "OK");
        assertThat(report.getString("steps[1].detail")).startsWith("certificate of ").endsWith(" trusted");
        assertThat(report.getString("steps[2].detail")).isEqualTo("signed in as CONTOSO\\svc-gateway");
        assertThat(report.getString("steps[3].detail")).startsWith("Exchange 15.");
        assertThat(report.getString("steps[4].detail")).startsWith("impersonated room1@contoso.com: calendar 'Calendar' with ");
        assertThat(report.getString("steps[5].detail")).matches("(1 item|\\d+ items) on \\d{4}-\\d{2}-\\d{2} \\(Europe/Berlin\\)");
        assertThat(report.getList("warnings")).isEmpty();
        var traffic = sim().captured().subList(before, sim().captured().size());
        assertThat(traffic).anySatisfy(exchange -> assertThat(exchange.authScheme()).isEqualTo("NTLM"));
        assertThat(traffic).noneSatisfy(exchange -> assertThat(exchange.authScheme()).isEqualTo("Basic"));
    }

    @Test
    void basicAuthShouldSignInWithBasic() {
        int before = sim().captured().size();
        JsonPath report = test(onPremises("BASIC", "svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD, "IMPERSONATION",
                false, false), "room2@contoso.com");
        assertThat(report.getBoolean("ok")).isTrue();
        assertStep(report, "tls", "SKIPPED", null, null);
        assertThat(report.getList("warnings.code")).containsExactly("PLAIN_HTTP");
        assertThat(sim().captured().subList(before, sim().captured().size()))
                .isNotEmpty()
                .allSatisfy(exchange -> assertThat(exchange.authScheme()).isEqualTo("Basic"));
    }

    @Test
    void wrongPasswordShouldFailAuthenticationWith401() {
        JsonPath report = test(onPremises("NTLM", "svc-gateway", "wrong-password", "IMPERSONATION", false, false),
                "room1@contoso.com");
        assertThat(report.getBoolean("ok")).isFalse();
        assertStep(report, "authentication", "FAILED", "HTTP_401", Hints.UNAUTHORIZED);
        assertStep(report, "mailboxAccess", "SKIPPED", null, null);
        assertThat(report.getString("steps.find { it.name == 'mailboxAccess' }.detail"))
                .isEqualTo("skipped: authentication failed");
    }

    @Test
    void missingImpersonationRightShouldNameTheRole() {
        JsonPath report = test(onPremises("NTLM", "svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD, "IMPERSONATION",
                false, false), "alexw@contoso.com");
        assertStep(report, "authentication", "OK", null, null);
        assertStep(report, "mailboxAccess", "FAILED", "ErrorImpersonateUserDenied", Hints.IMPERSONATION_DENIED);
        assertStep(report, "calendarRead", "SKIPPED", null, null);
    }

    @Test
    void unknownMailboxShouldBeErrorNonExistentMailbox() {
        JsonPath report = test(onPremises("NTLM", "svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD, "IMPERSONATION",
                false, false), "nobody@contoso.com");
        assertStep(report, "mailboxAccess", "FAILED", "ErrorNonExistentMailbox", Hints.NO_MAILBOX);
    }

    @Test
    void delegateAccessShouldReadTheRoomCalendar() {
        JsonPath report = test(onPremises("NTLM", "svc-delegate", Scenarios.SVC_DELEGATE_PASSWORD, "DELEGATE",
                false, false), "room1@contoso.com");
        assertThat(report.getBoolean("ok")).isTrue();
        assertThat(report.getString("steps.find { it.name == 'mailboxAccess' }.detail"))
                .startsWith("delegate access to room1@contoso.com: calendar 'Calendar' with ");
    }

    @Test
    void roomWithOrganizerSubjectsShouldWarn() {
        JsonPath report = test(onPremises("NTLM", "svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD, "IMPERSONATION",
                false, false), "room2@contoso.com");
        assertThat(report.getBoolean("ok")).isTrue();
        assertStep(report, "calendarRead", "WARNING", "ADD_ORGANIZER_TO_SUBJECT", Hints.ADD_ORGANIZER_TO_SUBJECT);
        assertThat(report.getString("steps.find { it.name == 'calendarRead' }.detail"))
                .contains("3 of 4 subjects are the organizer's name");
    }

    @Test
    void untrustedCertificateShouldFailTls() {
        JsonPath report = test(onPremises("NTLM", "svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD, "IMPERSONATION",
                true, false), "room1@contoso.com");
        assertThat(report.getBoolean("ok")).isFalse();
        assertStep(report, "tls", "FAILED", "TLS_UNTRUSTED", Hints.TLS_UNTRUSTED);
        assertStep(report, "authentication", "SKIPPED", null, null);
    }

    @Test
    void clientCredentialsShouldReadExchangeOnlineAndWarnAboutRetirement() {
        JsonPath report = test(online("OAUTH2_CLIENT_CREDENTIALS", Scenarios.FABRIKAM_TENANT_ID,
                Scenarios.FABRIKAM_APP_CONSENTED, Scenarios.FABRIKAM_APP_CONSENTED_SECRET, null, null),
                "meeting-a@fabrikam.com");
        assertThat(report.getBoolean("ok")).isTrue();
        assertStep(report, "token", "OK", null, null);
        assertThat(report.getString("steps[0].detail")).contains("with roles [full_access_as_app]");
        assertStep(report, "mailboxAccess", "OK", null, null);
        assertStep(report, "calendarRead", "OK", null, null);
        assertThat(report.getString("steps.find { it.name == 'calendarRead' }.detail"))
                .as("a profile without a time zone reads today in UTC").matches("(1 item|\\d+ items) on "
                        + LocalDate.now(ZoneOffset.UTC) + " \\(UTC\\)");
        assertThat(report.getList("warnings.code")).contains("EXCHANGE_ONLINE_EWS_RETIREMENT");
    }

    @Test
    void tokenWithoutRolesShouldExplainTheMissingConsent() {
        JsonPath report = test(online("OAUTH2_CLIENT_CREDENTIALS", Scenarios.FABRIKAM_TENANT_ID,
                Scenarios.FABRIKAM_APP_NO_CONSENT, Scenarios.FABRIKAM_APP_NO_CONSENT_SECRET, null, null),
                "meeting-a@fabrikam.com");
        assertThat(report.getBoolean("ok")).isFalse();
        assertStep(report, "token", "WARNING", "NO_ROLES", Hints.NO_ROLES);
        assertStep(report, "mailboxAccess", "FAILED", "HTTP_401", Hints.NO_ROLES);
        assertThat(report.getList("warnings.code")).contains("NO_ROLES", "EXCHANGE_ONLINE_EWS_RETIREMENT");
    }

    @Test
    void ewsDisabledTenantShouldPointToGraph() {
        JsonPath report = test(online("OAUTH2_CLIENT_CREDENTIALS", Scenarios.NORTHWIND_TENANT_ID,
                Scenarios.NORTHWIND_APP, Scenarios.NORTHWIND_APP_SECRET, null, null), "conference@northwind.com");
        assertStep(report, "token", "OK", null, null);
        assertStep(report, "mailboxAccess", "FAILED", "HTTP_403", Hints.EWS_FORBIDDEN);
    }

    @Test
    void entraErrorsShouldCarryTheirAadstsCodeAndHint() {
        String tenant = Scenarios.FABRIKAM_TENANT_ID;
        assertStep(test(online("OAUTH2_CLIENT_CREDENTIALS", tenant, Scenarios.FABRIKAM_APP_EXPIRED,
                Scenarios.FABRIKAM_APP_EXPIRED_SECRET, null, null), null), "token", "FAILED", "AADSTS7000222",
                Hints.BAD_CLIENT_SECRET);
        assertStep(test(online("OAUTH2_CLIENT_CREDENTIALS", tenant, Scenarios.FABRIKAM_APP_CONSENTED,
                "the-secret-id-not-its-value", null, null), null), "token", "FAILED", "AADSTS7000215",
                Hints.BAD_CLIENT_SECRET);
        assertStep(test(online("OAUTH2_CLIENT_CREDENTIALS", tenant, "99999999-aaaa-4bbb-8ccc-000000000099",
                "x", null, null), null), "token", "FAILED", "AADSTS700016", Hints.APP_NOT_FOUND);
        String app = Scenarios.FABRIKAM_APP_CONSENTED;
        String secret = Scenarios.FABRIKAM_APP_CONSENTED_SECRET;
        assertStep(test(online("OAUTH2_PASSWORD", tenant, app, secret, "admin@fabrikam.com", "wrong"), null),
                "token", "FAILED", "AADSTS50126", Hints.WRONG_PASSWORD);
        assertStep(test(online("OAUTH2_PASSWORD", tenant, app, secret, "mfa@fabrikam.com",
                Scenarios.FABRIKAM_MFA_PASSWORD), null), "token", "FAILED", "AADSTS50076", Hints.MFA_REQUIRED);
        assertStep(test(online("OAUTH2_PASSWORD", tenant, app, secret, "blocked@fabrikam.com",
                Scenarios.FABRIKAM_BLOCKED_PASSWORD), null), "token", "FAILED", "AADSTS53003", Hints.CONDITIONAL_ACCESS);
        assertStep(test(online("OAUTH2_PASSWORD", tenant, app, secret, "unassigned@fabrikam.com",
                Scenarios.FABRIKAM_UNASSIGNED_PASSWORD), null), "token", "FAILED", "AADSTS50105", Hints.USER_NOT_ASSIGNED);
        assertStep(test(online("OAUTH2_PASSWORD", tenant, Scenarios.FABRIKAM_APP_NO_CONSENT,
                Scenarios.FABRIKAM_APP_NO_CONSENT_SECRET, "admin@fabrikam.com", Scenarios.FABRIKAM_ADMIN_PASSWORD),
                null), "token", "FAILED", "AADSTS65001", Hints.CONSENT_MISSING);
    }

    @Test
    void updatedSecretShouldReplaceTheCachedTokenClient() {
        String profile = online("OAUTH2_CLIENT_CREDENTIALS", Scenarios.FABRIKAM_TENANT_ID,
                Scenarios.FABRIKAM_APP_CONSENTED, "the-secret-id-not-its-value", null, null);
        var created = admin().body(profile).when().post("/profiles").then().statusCode(201).extract().response();
        String id = created.path("id");
        admin().when().post("/profiles/" + id + "/test").then().statusCode(200)
                .body("steps[0].code", equalTo("AADSTS7000215"));

        admin().header("If-Match", created.header("ETag"))
                .body(profile.replace("the-secret-id-not-its-value", Scenarios.FABRIKAM_APP_CONSENTED_SECRET))
                .when().put("/profiles/" + id).then().statusCode(200);
        admin().queryParam("mailbox", "meeting-a@fabrikam.com").when().post("/profiles/" + id + "/test")
                .then().statusCode(200)
                .body("steps[0].status", equalTo("OK"))
                .body("ok", equalTo(true));
    }

    @Test
    void passwordGrantShouldWorkWithAWarning() {
        // Exchange Online has no ApplicationImpersonation any more: a signed-in user reads rooms as a delegate
        String delegate = online("OAUTH2_PASSWORD", Scenarios.FABRIKAM_TENANT_ID, Scenarios.FABRIKAM_APP_CONSENTED,
                Scenarios.FABRIKAM_APP_CONSENTED_SECRET, "admin@fabrikam.com", Scenarios.FABRIKAM_ADMIN_PASSWORD)
                .replace("\"kind\": \"EWS\",", "\"kind\": \"EWS\", \"access\": \"DELEGATE\",");
        JsonPath report = test(delegate, "meeting-a@fabrikam.com");
        assertStep(report, "token", "OK", null, null);
        assertThat(report.getList("warnings.code")).containsExactly("LEGACY_PASSWORD_GRANT",
                "EXCHANGE_ONLINE_EWS_RETIREMENT", "PLAIN_HTTP");
        assertThat(report.getString("steps[0].detail")).contains("with scopes");
        assertStep(report, "mailboxAccess", "OK", null, null);
    }

    private static String graph(String clientId, String secret) {
        return graph(sim().graphUrl(), Scenarios.FABRIKAM_TENANT_ID, clientId, secret, "");
    }

    /** @param authExtra more fields of {@code auth}, each with a leading comma */
    private static String graph(String serviceUrl, String tenant, String clientId, String secret, String authExtra) {
        return """
                {"name": "%s", "kind": "GRAPH", "serviceUrl": "%s", "tenantId": "%s", "timeZone": "Europe/Berlin",
                 "auth": {"type": "OAUTH2_CLIENT_CREDENTIALS", "clientId": "%s", "clientSecret": "%s", "tokenUrl": "%s"%s}}
                """.formatted("diag-" + UUID.randomUUID(), serviceUrl, tenant, clientId, secret, sim().tokenUrl(tenant),
                authExtra);
    }

    @Test
    void graphTokenForAnotherResourceShouldPointAtTheScope() {
        JsonPath report = test(graph(sim().graphUrl(), Scenarios.FABRIKAM_TENANT_ID, Scenarios.FABRIKAM_APP_CONSENTED,
                Scenarios.FABRIKAM_APP_CONSENTED_SECRET, ", \"scope\": \"https://outlook.office365.com/.default\""),
                "meeting-a@fabrikam.com");
        // an EWS token: none of the Graph permissions, and Graph refuses its audience
        assertStep(report, "token", "WARNING", "MISSING_PERMISSIONS", Hints.MISSING_PERMISSION);
        assertThat(report.getString("steps[0].detail")).endsWith("with roles [full_access_as_app]; missing "
                + "Calendars.Read, Place.Read.All, User.Read.All");
        assertThat(report.getList("warnings.code")).containsExactly("PLAIN_HTTP", "MISSING_PERMISSION",
                "MISSING_PERMISSION", "MISSING_PERMISSION");
        assertThat(report.getString("warnings[2].message")).isEqualTo("The token lacks the permission "
                + "Place.Read.All, needed to list room lists and rooms, and confirm which mailboxes are rooms. Add it "
                + "as an application permission and grant admin consent.");
        assertStep(report, "mailboxAccess", "FAILED", "InvalidAuthenticationToken", Hints.GRAPH_TOKEN);
        assertStep(report, "calendarRead", "SKIPPED", null, null);
    }

    @Test
    void graphAppWithoutPlaceAndUserPermissionsShouldWarnAboutEach() {
        JsonPath report = test(graph(sim().graphUrl(), Scenarios.TAILSPIN_TENANT_ID,
                Scenarios.TAILSPIN_APP_CALENDARS_ONLY, Scenarios.TAILSPIN_APP_CALENDARS_ONLY_SECRET, ""),
                "room1@tailspintoys.com");
        assertStep(report, "token", "WARNING", "MISSING_PERMISSIONS", Hints.MISSING_PERMISSION);
        assertThat(report.getString("steps[0].detail")).endsWith("with roles [Calendars.Read]; missing "
                + "Place.Read.All, User.Read.All");
        assertThat(report.getList("warnings.message")).contains("The token lacks the permission User.Read.All, "
                + "needed to search mailboxes by name. Add it as an application permission and grant admin consent.");
        assertStep(report, "mailboxAccess", "OK", null, null);
        assertStep(report, "calendarRead", "OK", null, null);
    }

    @Test
    void graphMailboxOutsideTheAccessPolicyShouldNameThePolicy() {
        String restricted = graph(sim().graphUrl(), Scenarios.TAILSPIN_TENANT_ID, Scenarios.TAILSPIN_APP_RESTRICTED,
                Scenarios.TAILSPIN_APP_RESTRICTED_SECRET, "");
        JsonPath allowed = test(restricted.replace("\"name\": \"", "\"name\": \"a-"), "room2@tailspintoys.com");
        assertThat(allowed.getBoolean("ok")).isTrue();
        JsonPath blocked = test(restricted, "room-busy@tailspintoys.com");
        assertStep(blocked, "token", "OK", null, null);
        assertStep(blocked, "mailboxAccess", "FAILED", "ErrorAccessDenied", Hints.GRAPH_ACCESS_POLICY);
        assertThat(blocked.getString("steps[1].detail")).isEqualTo("Graph answered HTTP 403: Access to OData is "
                + "disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.");
        assertStep(blocked, "calendarRead", "SKIPPED", null, null);
    }

    @Test
    void graphThrottlingAndUnreachableGraphShouldSaySo() {
        sim().faults().graphThrottle("meeting-b@fabrikam.com", 3);
        try {
            JsonPath throttled = test(graph(Scenarios.FABRIKAM_APP_CONSENTED, Scenarios.FABRIKAM_APP_CONSENTED_SECRET),
                    "meeting-b@fabrikam.com");
            assertStep(throttled, "mailboxAccess", "FAILED", "ApplicationThrottled", Hints.GRAPH_THROTTLED);
        } finally {
            sim().faults().reset();
        }
        JsonPath down = test(graph("http://127.0.0.1:1/v1.0", Scenarios.FABRIKAM_TENANT_ID,
                Scenarios.FABRIKAM_APP_CONSENTED, Scenarios.FABRIKAM_APP_CONSENTED_SECRET, ""), "meeting-a@fabrikam.com");
        assertStep(down, "token", "OK", null, null);
        assertStep(down, "mailboxAccess", "FAILED", "CONNECTION_REFUSED", Hints.UNREACHABLE);
    }

    /** A token endpoint on an internal CA (AD FS): reached through the profile's CA bundle, like Exchange. */
    private static String graphOverHttps(boolean trustSimulator) {
        String tls = trustSimulator ? ", \"tls\": {\"caBundlePem\": " + json(sim().httpsCertificatePem()) + "}" : "";
        return """
                {"name": "%s", "kind": "GRAPH", "serviceUrl": "%s", "tenantId": "%s", "timeZone": "Europe/Berlin",
                 "auth": {"type": "OAUTH2_CLIENT_CREDENTIALS", "clientId": "%s", "clientSecret": "%s", "tokenUrl": "%s"}%s}
                """.formatted("diag-" + UUID.randomUUID(), sim().graphHttpsUrl(), Scenarios.FABRIKAM_TENANT_ID,
                Scenarios.FABRIKAM_APP_CONSENTED, Scenarios.FABRIKAM_APP_CONSENTED_SECRET,
                sim().tokenHttpsUrl(Scenarios.FABRIKAM_TENANT_ID), tls);
    }

    @Test
    void tokenEndpointOnAnInternalCaShouldBeTrustedThroughTheProfileBundle() {
        JsonPath trusted = test(graphOverHttps(true), "meeting-a@fabrikam.com");
        assertThat(trusted.getBoolean("ok")).isTrue();
        assertStep(trusted, "token", "OK", null, null);
        assertStep(trusted, "calendarRead", "OK", null, null);

        JsonPath untrusted;
        List<LogRecord> warnings;
        try (LogCapture log = LogCapture.start()) {
            untrusted = test(graphOverHttps(false), "meeting-a@fabrikam.com");
            warnings = log.records().stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                    .toList();
        }
        assertThat(untrusted.getBoolean("ok")).isFalse();
        assertStep(untrusted, "token", "FAILED", "TOKEN_ENDPOINT_TLS", Hints.TLS_UNTRUSTED);
        assertThat(untrusted.getString("steps[0].detail"))
                .isEqualTo("TLS to the token endpoint failed: its certificate is not issued by a trusted CA");
        assertStep(untrusted, "mailboxAccess", "SKIPPED", null, null);
        // one line, no stack trace
        assertThat(warnings).singleElement().satisfies(record -> {
            assertThat(record.getLoggerName()).isEqualTo("io.calendargateway.oauth.TokenService");
            assertThat(record.getThrown()).isNull();
            assertThat(LogCapture.text(record)).contains("TOKEN_ENDPOINT_TLS");
        });
    }

    @Test
    void graphProfileShouldReadTheRoomCalendar() {
        JsonPath report = test(graph(Scenarios.FABRIKAM_APP_CONSENTED, Scenarios.FABRIKAM_APP_CONSENTED_SECRET),
                "meeting-a@fabrikam.com");
        assertThat(report.getBoolean("ok")).isTrue();
        assertThat(report.getList("steps.name")).containsExactly("token", "mailboxAccess", "calendarRead");
        assertStep(report, "token", "OK", null, null);
        assertThat(report.getString("steps[0].detail")).contains("https://graph.microsoft.com")
                .endsWith("with roles [Calendars.Read, Place.Read.All, User.Read.All]");
        assertThat(report.getString("steps[1].detail")).matches("application access to meeting-a@fabrikam.com: (1 calendar|\\d+ calendars)");
        assertThat(report.getString("steps[2].detail")).matches("(1 item|\\d+\\+? items) on \\d{4}-\\d{2}-\\d{2} \\(Europe/Berlin\\)");
        assertThat(report.getList("warnings.code")).containsExactly("PLAIN_HTTP");
    }

    @Test
    void graphWithoutConsentShouldExplainTheMissingRoles() {
        JsonPath report = test(graph(Scenarios.FABRIKAM_APP_NO_CONSENT, Scenarios.FABRIKAM_APP_NO_CONSENT_SECRET),
                "meeting-a@fabrikam.com");
        assertThat(report.getBoolean("ok")).isFalse();
        assertStep(report, "token", "WARNING", "NO_ROLES", Hints.NO_ROLES);
        assertStep(report, "mailboxAccess", "FAILED", "ErrorAccessDenied", Hints.NO_ROLES);
        assertStep(report, "calendarRead", "SKIPPED", null, null);
    }

    @Test
    void graphUnknownMailboxShouldSaySo() {
        JsonPath report = test(graph(Scenarios.FABRIKAM_APP_CONSENTED, Scenarios.FABRIKAM_APP_CONSENTED_SECRET),
                "nobody@fabrikam.com");
        assertThat(report.getString("steps.find { it.name == 'mailboxAccess' }.code")).isIn("ErrorInvalidUser",
                "ErrorItemNotFound");
        assertThat(report.getString("steps.find { it.name == 'mailboxAccess' }.hint")).isEqualTo(Hints.NO_MAILBOX);
    }

    @Test
    void badMailboxAndUnknownProfileShouldBeProblems() {
        String id = admin().body(onPremises("NTLM", "svc-gateway", "p", "IMPERSONATION", false, false))
                .when().post("/profiles").then().statusCode(201).extract().path("id");
        adminResponseValidated().queryParam("mailbox", "not-an-address")
                .when().post("/profiles/" + id + "/test")
                .then().statusCode(400)
                .body("detail", equalTo("mailbox 'not-an-address' is not a mail address"));
        admin().when().post("/profiles/" + UUID.randomUUID() + "/test").then().statusCode(404);
    }
}
