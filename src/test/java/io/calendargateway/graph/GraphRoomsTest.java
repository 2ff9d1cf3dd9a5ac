package io.calendargateway.graph;

import io.calendargateway.simulator.ExchangeSimulator;
import io.calendargateway.simulator.Scenarios;
import io.calendargateway.support.Rooms;
import io.calendargateway.support.SimulatorResource;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.calendargateway.support.Admin.admin;
import static io.calendargateway.support.Admin.adminResponseValidated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Door signs of Exchange Online rooms read through Microsoft Graph, through the same API as EWS rooms. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(SimulatorResource.class)
class GraphRoomsTest {

    private static final LocalDate D = LocalDate.now(Scenarios.BERLIN);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private String profileId;

    @AfterEach
    void cleanUp() {
        sim().faults().reset();
        if (profileId != null) {
            admin().when().delete("/profiles/" + profileId + "?force=true").then().statusCode(204);
        }
    }

    /** A fabrikam GRAPH profile with the consented app; its rooms are bound, it claims no domain. */
    static String fabrikamProfile() {
        return profile(Scenarios.FABRIKAM_TENANT_ID, Scenarios.FABRIKAM_APP_CONSENTED,
                Scenarios.FABRIKAM_APP_CONSENTED_SECRET);
    }

    /** A GRAPH profile of the simulator's tenant with that app, claiming no domain. */
    static String profile(String tenant, String clientId, String secret) {
        return admin().body("""
                {"name": "graph-%s", "kind": "GRAPH", "serviceUrl": "%s", "tenantId": "%s",
                 "timeZone": "Europe/Berlin",
                 "auth": {"type": "OAUTH2_CLIENT_CREDENTIALS", "clientId": "%s", "clientSecret": "%s",
                          "tokenUrl": "%s"}}
                """.formatted(UUID.randomUUID(), sim().graphUrl(), tenant, clientId, secret, sim().tokenUrl(tenant)))
                .when().post("/profiles").then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldFollowEveryPageOfABusyMonth() {
        profileId = profile(Scenarios.TAILSPIN_TENANT_ID, Scenarios.TAILSPIN_APP, Scenarios.TAILSPIN_APP_SECRET);
        String room = "room-busy@" + Scenarios.TAILSPIN_DOMAIN;
        Rooms.bind(room, "{\"profileId\": \"" + profileId + "\"}");
        sim().calls().reset();

        JsonPath month = adminResponseValidated().when().get("/rooms/" + room + "/events?from=" + D + "&to="
                + D.plusDays(31)).then().statusCode(200).extract().jsonPath();

        List<String> subjects = strings(month, "events.subject");
        assertThat(subjects).hasSize(31 * Scenarios.BUSY_ROOM_SLOTS_PER_DAY);
        assertThat(subjects.subList(0, 3)).containsExactly("Slot 08:00", "Slot 08:15", "Slot 08:30");
        assertThat(strings(month, "events.id")).doesNotHaveDuplicates();
        assertThat(strings(month, "events.start").get(1239))
                .isEqualTo(D.plusDays(30).atTime(17, 45).atZone(Scenarios.BERLIN).format(ISO));
        // 1240 events at the test page size of 100: 13 pages, each its own request
        assertThat(sim().calls().count("calendarView", room)).isEqualTo(13);
    }

    @Test
    void shouldSendAtMostFourRequestsForOneMailboxAtOnce() throws Exception {
        profileId = profile(Scenarios.TAILSPIN_TENANT_ID, Scenarios.TAILSPIN_APP, Scenarios.TAILSPIN_APP_SECRET);
        String room = "room2@" + Scenarios.TAILSPIN_DOMAIN;
        Rooms.bind(room, "{\"profileId\": \"" + profileId + "\"}");
        sim().faults().latency("calendarView", java.time.Duration.ofMillis(1_500));
        // eight door signs ask for eight different cold days at once
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new java.util.ArrayList<>();
            for (int day = 1; day <= 8; day++) {
                String from = D.plusDays(40 + day).toString();
                answers.add(pool.submit(() -> admin().when().get("/rooms/" + room + "/events?from=" + from)));
            }
            List<String> outcomes = new java.util.ArrayList<>();
            for (var answer : answers) {
                var response = answer.get();
                outcomes.add(response.statusCode() == 200 ? "200"
                        : response.statusCode() + " " + response.jsonPath().getString("code"));
            }
            // Graph would answer the fifth with 429: the gateway never sends it
            assertThat(outcomes).containsExactlyInAnyOrder("200", "200", "200", "200",
                    "503 GRAPH_MAILBOX_CONCURRENCY", "503 GRAPH_MAILBOX_CONCURRENCY", "503 GRAPH_MAILBOX_CONCURRENCY",
                    "503 GRAPH_MAILBOX_CONCURRENCY");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldNotFollowANextLinkToAnotherHost() {
        profileId = profile(Scenarios.TAILSPIN_TENANT_ID, Scenarios.TAILSPIN_APP, Scenarios.TAILSPIN_APP_SECRET);
        String room = "room-busy@" + Scenarios.TAILSPIN_DOMAIN;
        Rooms.bind(room, "{\"profileId\": \"" + profileId + "\"}");
        sim().faults().graphForeignNextLink(room, "https://graph.evil.example");
        sim().calls().reset();

        adminResponseValidated().when().get("/rooms/" + room + "/events?from=" + D + "&to=" + D.plusDays(7))
                .then().statusCode(502)
                .body("code", equalTo("GRAPH_FOREIGN_NEXT_LINK"))
                .body("detail", equalTo("Graph sent a paging link to another host (graph.evil.example) than the "
                        + "profile's serviceUrl (127.0.0.1): not followed"))
                .body("hint", equalTo(io.calendargateway.upstream.Hints.GRAPH_FOREIGN_LINK));
        // only the first page was asked for; the token went nowhere else
        assertThat(sim().calls().count("calendarView", room)).isEqualTo(1);
    }

    @Test
    void shouldReportAMailboxOutsideTheAccessPolicyWithItsHint() {
        profileId = profile(Scenarios.TAILSPIN_TENANT_ID, Scenarios.TAILSPIN_APP_RESTRICTED,
                Scenarios.TAILSPIN_APP_RESTRICTED_SECRET);
        Rooms.bind("room1@" + Scenarios.TAILSPIN_DOMAIN, "{\"profileId\": \"" + profileId + "\"}");
        Rooms.bind("room3@" + Scenarios.TAILSPIN_DOMAIN, "{\"profileId\": \"" + profileId + "\"}");

        admin().when().get("/rooms/room1@" + Scenarios.TAILSPIN_DOMAIN + "/events?from=" + D).then()
                .statusCode(200).body("events.size()", equalTo(10));
        adminResponseValidated().when().get("/rooms/room3@" + Scenarios.TAILSPIN_DOMAIN + "/events?from=" + D)
                .then().statusCode(502)
                .body("code", equalTo("ErrorAccessDenied"))
                .body("detail", equalTo("The app may not read room3@tailspintoys.com: an application access policy "
                        + "or RBAC for Applications scope leaves it out"))
                .body("hint", equalTo(io.calendargateway.upstream.Hints.GRAPH_ACCESS_POLICY));
    }

    @Test
    void shouldServeTheNormalizedDayOfAGraphRoom() {
        profileId = fabrikamProfile();
        Rooms.bind("meeting-a@fabrikam.com", "{\"profileId\": \"" + profileId + "\"}");

        JsonPath day = adminResponseValidated().when().get("/rooms/meeting-a@fabrikam.com/events?from=" + D)
                .then().statusCode(200).body("stale", equalTo(false)).extract().jsonPath();

        assertThat(day.getString("room.name")).isEqualTo("Meeting Room A");
        assertThat(day.getList("events.subject")).containsExactly("Fabrikam all-hands", "Fabrikam sync",
                "Fabrikam weekly", "Interview", "Focus time");
        assertThat(day.getList("events.start")).containsExactly(at(0, 0), at(9, 0), at(13, 0), at(15, 0),
                at(16, 0));
        assertThat(day.getList("events.end")).containsExactly(D.plusDays(1).atStartOfDay(Scenarios.BERLIN)
                .format(ISO), at(10, 0), at(14, 0), at(16, 0), at(17, 0));
        assertThat(day.getList("events.type")).containsExactly("SINGLE", "SINGLE", "OCCURRENCE", "SINGLE",
                "SINGLE");
        assertThat(day.getList("events.showAs")).containsExactly("FREE", "BUSY", "BUSY", "TENTATIVE",
                "WORKING_ELSEWHERE");
        assertThat(day.getList("events.allDay")).containsExactly(true, false, false, false, false);
        assertThat(day.getString("events[0].startDate")).isEqualTo(D.toString());
        assertThat(day.getString("events[0].endDate")).isEqualTo(D.plusDays(1).toString());
        Map<String, Object> sync = day.getMap("events[1]");
        assertThat(sync.get("organizer")).isEqualTo(Map.of("name", "Fabrikam Admin", "mail", "admin@fabrikam.com"));
        assertThat(sync.get("location")).isEqualTo("Meeting Room A");
        assertThat(sync.get("seriesId")).isNull();
        assertThat(day.getString("events[2].seriesId")).isNotBlank();
    }

    @Test
    void shouldServeAWarmRoomWhileGraphThrottlesItsMailboxWithoutWaiting() throws Exception {
        profileId = fabrikamProfile();
        Rooms.bind("meeting-a@fabrikam.com", "{\"profileId\": \"" + profileId + "\"}");
        Rooms.bind("meeting-b@fabrikam.com", "{\"profileId\": \"" + profileId + "\"}");
        String path = "/rooms/meeting-a@fabrikam.com/events";
        admin().when().get(path).then().statusCode(200).body("stale", equalTo(false));

        sim().faults().graphThrottle("meeting-a@fabrikam.com", 30);
        Thread.sleep(1_100);
        Rooms.awaitStale(path);
        int calls = sim().calls().count("calendarView", "meeting-a@fabrikam.com");
        long slowest = Rooms.slowestStalePoll(path, 10);
        // Retry-After: 30 — no request reached Graph for that mailbox while it backs off, and none waited
        assertThat(sim().calls().count("calendarView", "meeting-a@fabrikam.com")).isEqualTo(calls);
        assertThat(slowest).isLessThan(1_000);

        // a window never read answers 503 with the time left, at once
        long start = System.nanoTime();
        String retryAfter = adminResponseValidated().when().get(path + "?from=" + D.plusDays(20)).then()
                .statusCode(503).body("code", equalTo("MAILBOX_BACKING_OFF"))
                .body("hint", equalTo(io.calendargateway.upstream.Hints.GRAPH_THROTTLED))
                .extract().header("Retry-After");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
        assertThat(Integer.parseInt(retryAfter)).isBetween(25, 30);

        // the profile's other mailbox is not throttled
        admin().when().get("/rooms/meeting-b@fabrikam.com/events").then().statusCode(200)
                .body("stale", equalTo(false)).body("events[0].subject", equalTo("NY client call"));
    }

    private static String at(int hour, int minute) {
        return D.atTime(hour, minute).atZone(Scenarios.BERLIN).format(ISO);
    }

    static ExchangeSimulator sim() {
        return SimulatorResource.simulator();
    }

    static List<String> strings(JsonPath json, String path) {
        return json.getList(path, String.class);
    }
}
