package io.calendargateway.support;

import io.calendargateway.simulator.Scenarios;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.calendargateway.support.Admin.admin;
import static io.calendargateway.support.SimulatorResource.simulator;
import static org.assertj.core.api.Assertions.assertThat;

/** Profiles and bindings for read-path tests against the simulated contoso organisation. */
public final class Rooms {

    private Rooms() {
    }

    /**
     * A fresh on-premises profile for contoso.com (NTLM, impersonation), after removing every older profile that
     * claims the domain: the oldest claiming profile serves unbound rooms.
     *
     * @return the profile's id
     */
    public static String contosoProfile() {
        List<Map<String, Object>> existing = admin().when().get("/profiles").then().statusCode(200).extract()
                .jsonPath().getList("$");
        for (Map<String, Object> profile : existing) {
            if (((List<?>) profile.get("domains")).contains("contoso.com")) {
                admin().when().delete("/profiles/" + profile.get("id") + "?force=true").then().statusCode(204);
            }
        }
        return create("svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD, "[\"contoso.com\"]");
    }

    /** A contoso profile for another service account, claiming no domain (its rooms must be bound). */
    public static String profile(String account, String password) {
        return profile("rooms-" + UUID.randomUUID(), account, password);
    }

    /** The same with a name of its own (unique among the profiles). */
    public static String profile(String name, String account, String password) {
        return create(name, account, password, "[]");
    }

    private static String create(String account, String password, String domains) {
        return create("rooms-" + UUID.randomUUID(), account, password, domains);
    }

    private static String create(String name, String account, String password, String domains) {
        return admin().body("""
                {"name": "%s", "kind": "EWS", "serviceUrl": "%s",
                 "auth": {"type": "NTLM", "username": "%s", "password": "%s", "domain": "CONTOSO"},
                 "access": "IMPERSONATION", "domains": %s, "timeZone": "Europe/Berlin"}
                """.formatted(name, simulator().ewsUrl(), account, password, domains))
                .when().post("/profiles").then().statusCode(201).extract().path("id");
    }

    /** Binds (or re-binds) a room; returns the answer. */
    public static JsonPath bind(String mail, String body) {
        String etag = admin().when().get("/rooms/" + mail).then().extract().header("ETag");
        var request = admin().body(body);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.when().put("/rooms/" + mail).then().statusCode(etag == null ? 201 : 200).extract().jsonPath();
    }

    /** Polls {@code path} (as admin) until it answers {@code stale: true}; fails after about two seconds. */
    public static void awaitStale(String path) throws InterruptedException {
        boolean stale = false;
        for (int i = 0; i < 40 && !stale; i++) {
            stale = admin().when().get(path).then().statusCode(200).extract().path("stale");
            Thread.sleep(50);
        }
        assertThat(stale).as(path + " answers stale").isTrue();
    }

    /**
     * Polls {@code path} {@code polls} times, 150 ms apart, checking that every answer is a stale 200 with
     * {@code Age}.
     *
     * @return the slowest answer's time in milliseconds
     */
    public static long slowestStalePoll(String path, int polls) throws InterruptedException {
        long slowest = 0;
        for (int i = 0; i < polls; i++) {
            long start = System.nanoTime();
            ExtractableResponse<Response> answer = admin().when().get(path).then().statusCode(200).extract();
            slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
            assertThat(answer.jsonPath().getBoolean("stale")).isTrue();
            assertThat(answer.header("Age")).isNotNull();
            Thread.sleep(150);
        }
        return slowest;
    }
}
