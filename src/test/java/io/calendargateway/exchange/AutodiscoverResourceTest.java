package io.calendargateway.exchange;

import static io.calendargateway.support.Admin.admin;
import static io.calendargateway.support.Admin.adminResponseValidated;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.calendargateway.simulator.ExchangeSimulator;
import io.calendargateway.simulator.Scenario;
import io.calendargateway.simulator.Scenarios;
import io.calendargateway.support.OpenApi;
import io.calendargateway.support.SimulatorResource;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /autodiscover} and profiles created from {@code autodiscoverEmail}, against the simulator. The
 * test configuration (SimulatorResource) maps every scenario domain to 127.0.0.1 and {@code autodiscover.<domain>}
 * to localhost on the simulator's HTTPS port, the probe to its HTTP port and v2 to the simulator; 127.0.0.1 is an
 * allowed redirect host; the per-attempt timeout is 2 s.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(SimulatorResource.class)
class AutodiscoverResourceTest {

    private static final String GATEWAY = """
            {"type": "NTLM", "username": "svc-gateway", "password": "%s", "domain": "CONTOSO"}"""
            .formatted(Scenarios.SVC_GATEWAY_PASSWORD);

    private final ExchangeSimulator sim = SimulatorResource.simulator();
    private final String https = sim.httpsBaseUrl();
    private final String poxAtDomain = https + "/autodiscover/autodiscover.xml";
    private final String soapAtDomain = https + "/autodiscover/autodiscover.svc";
    private final String poxAtAutodiscover = "https://localhost:" + sim.httpsPort() + "/autodiscover/autodiscover.xml";
    private final String soapAtAutodiscover = "https://localhost:" + sim.httpsPort() + "/autodiscover/autodiscover.svc";
    private final String probe = sim.httpBaseUrl() + "/autodiscover/autodiscover.xml";

    @AfterEach
    void resetSimulator() {
        sim.faults().reset();
    }

    private static JsonPath discover(String body) {
        return admin().body(body).when().post("/autodiscover").then().statusCode(200).extract().jsonPath();
    }

    private static String withAuth(String email) {
        return "{\"email\": \"" + email + "\", \"auth\": " + GATEWAY + "}";
    }

    @Test
    void shouldFindTheEwsUrlByPoxAtTheAddressDomain() {
        JsonPath result = discover(withAuth("room1@contoso.com"));
        assertThat(result.getString("serviceUrl")).isEqualTo(sim.ewsHttpsUrl());
        assertThat(result.getString("method")).isEqualTo("POX");
        assertThat(result.getList("attempts.url")).containsExactly(poxAtDomain);
        assertThat(result.getList("attempts.outcome")).containsExactly("OK");
        assertThat(sim.calls().count("Autodiscover", "room1@contoso.com")).isPositive();
    }

    @Test
    void shouldStartOverForTheRedirectAddress() {
        JsonPath result = discover(withAuth("old.address@contoso.com"));
        assertThat(result.getString("serviceUrl")).isEqualTo(sim.ewsHttpsUrl());
        assertThat(result.getString("method")).isEqualTo("POX");
        assertThat(result.getList("attempts.url")).containsExactly(poxAtDomain, poxAtDomain);
        assertThat(result.getList("attempts.outcome")).containsExactly("REDIRECT_ADDRESS", "OK");
        assertThat(result.getString("attempts[0].detail"))
                .isEqualTo("from old.address@contoso.com to alexw@contoso.com");
    }

    @Test
    void shouldFollowARedirectUrlToAnAllowedHost() {
        String target = https + "/autodiscover/autodiscover.xml?hop=1";
        Scenario scenario = sim.scenario().autodiscoverRedirectUrl("meganb@contoso.com", "{https}"
                + "/autodiscover/autodiscover.xml?hop=1");
        try {
            JsonPath result = discover(withAuth("meganb@contoso.com"));
            assertThat(result.getString("serviceUrl")).isEqualTo(sim.ewsHttpsUrl());
            assertThat(result.getString("method")).isEqualTo("POX");
            assertThat(result.getList("attempts.url")).containsExactly(poxAtDomain, target);
            assertThat(result.getList("attempts.outcome")).containsExactly("REDIRECT_URL", "OK");
            assertThat(result.getString("attempts[0].detail")).isEqualTo("to " + target);
        } finally {
            scenario.withoutAutodiscoverRedirect("meganb@contoso.com");
        }
    }

    @Test
    void shouldRefuseRedirectsToOtherHostsAndPlainHttpThenFallBackToV2() {
        Scenario scenario = sim.scenario()
                .autodiscoverRedirectUrl("meganb@contoso.com", "https://evil.example.net/autodiscover/autodiscover.xml");
        try {
            JsonPath result = discover(withAuth("meganb@contoso.com"));
            assertThat(result.getList("attempts.url")).containsExactly(poxAtDomain, soapAtDomain, poxAtAutodiscover,
                    soapAtAutodiscover, probe, v2("meganb@contoso.com"));
            assertThat(result.getList("attempts.outcome")).containsExactly("REDIRECT_REFUSED", "REDIRECT_REFUSED",
                    "REDIRECT_REFUSED", "REDIRECT_REFUSED", "HTTP_401", "OK");
            assertThat(result.getString("attempts[0].detail")).isEqualTo("the redirect target host evil.example.net "
                    + "is outside contoso.com and gateway.autodiscover.allowed-hosts");
            assertThat(result.getString("method")).isEqualTo("V2_JSON");
            assertThat(result.getString("serviceUrl")).isEqualTo(sim.ewsHttpsUrl());

            scenario.autodiscoverRedirectUrl("meganb@contoso.com", "{http}/autodiscover/autodiscover.xml");
            JsonPath plain = discover(withAuth("meganb@contoso.com"));
            assertThat(plain.getString("attempts[0].outcome")).isEqualTo("REDIRECT_REFUSED");
            assertThat(plain.getString("attempts[0].detail")).isEqualTo("the redirect target " + sim.httpBaseUrl()
                    + "/autodiscover/autodiscover.xml is not https");
        } finally {
            scenario.withoutAutodiscoverRedirect("meganb@contoso.com");
        }
    }

    @Test
    void shouldUseV2JsonWhenEveryOtherStepFails() {
        JsonPath result = discover("{\"email\": \"meeting-a@fabrikam.com\"}");
        assertThat(result.getString("serviceUrl")).isEqualTo(sim.ewsHttpsUrl());
        assertThat(result.getString("method")).isEqualTo("V2_JSON");
        assertThat(result.getList("attempts.url")).containsExactly(poxAtDomain, soapAtDomain, poxAtAutodiscover,
                soapAtAutodiscover, probe, v2("meeting-a@fabrikam.com"));
        assertThat(result.getList("attempts.outcome")).containsExactly("HTTP_401", "HTTP_401", "HTTP_401",
                "HTTP_401", "HTTP_401", "OK");
        assertThat(result.getString("attempts[0].detail")).isEqualTo("the server asks for credentials");
    }

    @Test
    void shouldStopAtARedirectLoopWithA502() {
        admin().body(withAuth("loop1@contoso.com")).when().post("/autodiscover")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/autodiscover-failed"))
                .body("code", equalTo("AUTODISCOVER_FAILED"))
                .body("detail", equalTo("Autodiscover found no EWS URL for loop1@contoso.com after 2 attempt(s): "
                        + poxAtDomain + " REDIRECT_ADDRESS; " + poxAtDomain + " LOOP (redirect from "
                        + "loop2@contoso.com back to loop1@contoso.com, already searched)"))
                .body("hint", startsWith("The autodiscover answers redirect in a circle"));

        admin().body(withAuth("moved@contoso.com")).when().post("/autodiscover")
                .then().statusCode(502)
                .body("detail", equalTo("Autodiscover found no EWS URL for moved@contoso.com after 1 attempt(s): "
                        + poxAtDomain + " LOOP (redirect back to " + poxAtDomain
                        + ", already asked for moved@contoso.com)"));
    }

    @Test
    void shouldGiveUpAfterTheMaximumNumberOfRedirects() {
        Scenario scenario = sim.scenario();
        for (int i = 0; i < 6; i++) {
            scenario.autodiscoverRedirectAddress("chain" + i + "@contoso.com", "chain" + (i + 1) + "@contoso.com");
        }
        try {
            admin().body(withAuth("chain0@contoso.com")).when().post("/autodiscover")
                    .then().statusCode(502)
                    .body("detail", containsString("after 6 attempt(s)"))
                    .body("detail", containsString(poxAtDomain + " LOOP (more than 5 redirects)"));
        } finally {
            for (int i = 0; i < 6; i++) {
                scenario.withoutAutodiscoverRedirect("chain" + i + "@contoso.com");
            }
        }
    }

    @Test
    void shouldTimeOutASlowEndpointAndTryTheNext() {
        sim.faults().latency("Autodiscover", Duration.ofMillis(4000));
        JsonPath result = discover(withAuth("room1@contoso.com"));
        assertThat(result.getList("attempts.url")).containsExactly(poxAtDomain, soapAtDomain);
        assertThat(result.getList("attempts.outcome")).containsExactly("TIMEOUT", "OK");
        assertThat(result.getLong("attempts[0].durationMs")).isBetween(1900L, 3500L);
        assertThat(result.getString("attempts[0].detail")).isEqualTo("no answer within 2000 ms");
        assertThat(result.getString("method")).isEqualTo("SOAP");
        assertThat(result.getString("serviceUrl")).isEqualTo(sim.ewsHttpsUrl());
    }

    @Test
    void shouldUseTheProfilesCredentialsAndTrust() throws Exception {
        String withCa = createProfile(sim.httpsCertificatePem());
        JsonPath result = discover("{\"email\": \"room2@contoso.com\", \"profileId\": \"" + withCa + "\"}");
        assertThat(result.getString("serviceUrl")).isEqualTo(sim.ewsHttpsUrl());
        assertThat(result.getList("attempts.outcome")).containsExactly("OK");

        // without a bundle of its own, a profile trusts the configured autodiscover CA (the simulator's here)
        String withoutCa = createProfile(null);
        assertThat(discover("{\"email\": \"room2@contoso.com\", \"profileId\": \"" + withoutCa + "\"}")
                .getString("serviceUrl")).isEqualTo(sim.ewsHttpsUrl());

        String otherCa = createProfile(TestCertificate.selfSigned("Other CA", Duration.ofDays(1), "other.example")
                .pem());
        admin().body("{\"email\": \"room2@contoso.com\", \"profileId\": \"" + otherCa + "\"}")
                .when().post("/autodiscover")
                .then().statusCode(502)
                .body("code", equalTo("AUTODISCOVER_FAILED"))
                .body("detail", containsString(poxAtDomain + " TLS_UNTRUSTED (the certificate is not trusted)"))
                .body("detail", containsString(probe + " HTTP_401"))
                .body("hint", startsWith("The autodiscover server's certificate is not trusted"));

        admin().body("{\"email\": \"room2@contoso.com\", \"profileId\": \"" + UUID.randomUUID() + "\"}")
                .when().post("/autodiscover").then().statusCode(404);
    }

    @Test
    void shouldFillTheServiceUrlOfANewProfileByAutodiscover() {
        String name = "autodiscovered-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(profileByAddress(name, "room1@contoso.com")).when().post("/profiles")
                .then().statusCode(201)
                .body("serviceUrl", equalTo(sim.ewsHttpsUrl()))
                .body("autodiscoverEmail", equalTo("room1@contoso.com"))
                .body("auth.passwordSet", equalTo(true));

        String failing = "looping-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(profileByAddress(failing, "loop1@contoso.com")).when().post("/profiles")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("code", equalTo("AUTODISCOVER_FAILED"))
                .body("detail", containsString("loop1@contoso.com"));
        admin().when().get("/profiles").then().statusCode(200)
                .body("name", hasItem(name))
                .body("name", not(hasItem(failing)));
    }

    @Test
    void shouldRejectWhatIsNotAnAddressAndCallsWithoutAdminToken() {
        admin().body("{\"email\": \"not-an-address\"}").when().post("/autodiscover")
                .then().statusCode(400)
                .body("errors.field", contains("email"));
        adminResponseValidated()
                .body("{\"email\": \"room1@contoso.com\", \"auth\": {\"type\": \"NTLM\", \"username\": \"x\"}}")
                .when().post("/autodiscover")
                .then().statusCode(400)
                .body("errors.field", contains("auth.password"));
        given().filter(OpenApi.responseValidated()).contentType("application/json")
                .body("{\"email\": \"room1@contoso.com\"}")
                .when().post("/autodiscover")
                .then().statusCode(401);
        assertThat(sim.calls().count("Autodiscover", "not-an-address")).isZero();
    }

    private String v2(String email) {
        return sim.autodiscoverV2Url() + "?Email=" + email.replace("@", "%40") + "&Protocol=EWS";
    }

    private String createProfile(String caPem) {
        String tls = caPem == null ? "" : ", \"tls\": {\"caBundlePem\": " + quoted(caPem) + "}";
        return admin().body("""
                {"name": "ad-%s", "kind": "EWS", "serviceUrl": "%s", "auth": %s%s}
                """.formatted(UUID.randomUUID().toString().substring(0, 8), sim.ewsHttpsUrl(), GATEWAY, tls))
                .when().post("/profiles").then().statusCode(201).extract().path("id");
    }

    private static String profileByAddress(String name, String email) {
        return """
                {"name": "%s", "kind": "EWS", "autodiscoverEmail": "%s", "auth": %s}
                """.formatted(name, email, GATEWAY);
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "") + "\"";
    }
}
