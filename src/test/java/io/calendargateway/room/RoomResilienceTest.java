package io.calendargateway.room;

import io.calendargateway.simulator.ExchangeSimulator;
import io.calendargateway.simulator.Outage;
import io.calendargateway.simulator.Scenarios;
import io.calendargateway.support.Rooms;
import io.calendargateway.support.SimulatorResource;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.calendargateway.support.Admin.admin;
import static io.calendargateway.support.Admin.adminResponseValidated;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Door signs keep their schedule while Exchange throttles or fails; Exchange is not hammered meanwhile. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(SimulatorResource.class)
class RoomResilienceTest {

    private static final LocalDate D = LocalDate.now(Scenarios.BERLIN);
    private String profileId;

    @AfterEach
    void cleanUp() {
        sim().faults().reset();
        if (profileId != null) {
            admin().when().delete("/profiles/" + profileId + "?force=true").then().statusCode(204);
        }
    }

    @Test
    void shouldServeFromCacheWithoutCallingExchangeWhileTheProfileBacksOff() throws Exception {
        // svc-limited is throttled alone, so no other test's profile backs off
        profileId = Rooms.profile("svc-limited", Scenarios.SVC_LIMITED_PASSWORD);
        Rooms.bind("room3@contoso.com", "{\"profileId\": \"" + profileId + "\"}");
        String path = "/rooms/room3@contoso.com/events";
        admin().when().get(path).then().statusCode(200).body("stale", equalTo(false));

        sim().faults().throttle("CONTOSO\\svc-limited", true);
        Thread.sleep(1_100);
        // this poll is answered at once and starts the refresh that meets the throttling
        Rooms.awaitStale(path);
        int calls = sim().calls().count("FindItem", "room3@contoso.com");
        long slowest = Rooms.slowestStalePoll(path, 12);
        // the simulator asked for 30 s of back-off: no call reached it during the 1.8 s of polling
        assertThat(sim().calls().count("FindItem", "room3@contoso.com")).isEqualTo(calls);
        assertThat(slowest).isLessThan(1_000);

        long start = System.nanoTime();
        String retryAfter = adminResponseValidated().when().get(path + "?from=" + D.plusDays(40)).then()
                .statusCode(503)
                .body("code", equalTo("ErrorServerBusy"))
                .body("hint", equalTo("Exchange is throttling the service account: the gateway backs off as asked "
                        + "(BackOffMilliseconds); reduce polling or raise the throttling policy."))
                .extract().header("Retry-After");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
        assertThat(Integer.parseInt(retryAfter)).isBetween(25, 30);

        admin().when().get("/rooms/room3@contoso.com").then().statusCode(200)
                .body("stale", equalTo(true)).body("lastFailure.code", equalTo("ErrorServerBusy"));
    }

    @Test
    void shouldOpenTheProfilesCircuitWhileExchangeIsDownAndBoundItsCalls() throws Exception {
        profileId = Rooms.profile("svc-admin", Scenarios.SVC_ADMIN_PASSWORD);
        Rooms.bind("room-in@contoso.com", "{\"profileId\": \"" + profileId + "\"}");
        String path = "/rooms/room-in@contoso.com/events";
        admin().when().get(path).then().statusCode(200).body("stale", equalTo(false));

        long before = upstreamCalls();
        sim().faults().outage(Outage.CONNECTION_REFUSED);
        long start = System.nanoTime();
        int polls = 0;
        while ((System.nanoTime() - start) / 1_000_000 < 3_500) {
            admin().when().get(path).then().statusCode(200);
            polls++;
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ExtractableResponse<Response> last = admin().when().get(path).then().statusCode(200).extract();
        assertThat(last.jsonPath().getBoolean("stale")).isTrue();
        assertThat(polls).isGreaterThan(5);
        // however many polls, at most one refresh per refresh interval (1 s) was tried
        assertThat(upstreamCalls() - before).isBetween(1L, (long) Math.ceil(seconds) + 1);

        // cold windows have nothing to serve: each tries Exchange until the profile's circuit opens
        String code = null;
        for (int day = 40; day < 46 && !"CIRCUIT_OPEN".equals(code); day++) {
            code = adminResponseValidated().when().get(path + "?from=" + D.plusDays(day)).then().statusCode(503)
                    .extract().path("code");
        }
        assertThat(code).isEqualTo("CIRCUIT_OPEN");
        adminResponseValidated().when().get(path + "?from=" + D.plusDays(50)).then().statusCode(503)
                .body("code", equalTo("CIRCUIT_OPEN"))
                .body("hint", equalTo("Exchange failed repeatedly: the gateway pauses calls to it for a while and "
                        + "serves the last known schedules; check the server and the network."))
                .header("Retry-After", equalTo("1"));

        // Exchange is back: after the breaker's delay, a refresh succeeds and the answer is fresh again
        sim().faults().reset();
        Thread.sleep(1_200);
        admin().when().get(path).then().statusCode(200);
        Thread.sleep(300);
        admin().when().get(path).then().statusCode(200).body("stale", equalTo(false));
        // the service never became unready
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    /** CalendarView calls of the profile that were let through to Exchange, whatever their outcome. */
    private long upstreamCalls() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("gateway_upstream_calls_seconds_count\\{operation=\"CalendarView\",outcome=\""
                + "(ok|error)\",profile=\"" + profileId + "\"} ([0-9.]+)").matcher(metrics);
        long calls = 0;
        while (m.find()) {
            calls += (long) Double.parseDouble(m.group(2));
        }
        return calls;
    }

    private static ExchangeSimulator sim() {
        return SimulatorResource.simulator();
    }
}
