package io.calendargateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Microsoft Graph v1.0 endpoints: fields and paging as the real API sends them. */
class GraphTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 18);
    static ExchangeSimulator sim;
    static String token;

    @BeforeAll
    static void start() {
        sim = ExchangeSimulator.start(Scenarios.defaultScenario(DAY));
        token = sim.issueAppToken("fabrikam", Scenarios.FABRIKAM_APP_CONSENTED, "https://graph.microsoft.com");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void reset() {
        sim.faults().reset();
    }

    static HttpResponse<String> get(String pathAndQuery, String... extraHeaders) throws Exception {
        List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + token));
        headers.addAll(List.of(extraHeaders));
        return Http.get(sim.graphUrl() + pathAndQuery, headers.toArray(String[]::new));
    }

    static String window(LocalDate d, int days) {
        return "startDateTime=" + d + "T00:00:00%2B01:00&endDateTime=" + d.plusDays(days) + "T00:00:00%2B01:00";
    }

    @Test
    void shouldPageCalendarViewWithNextLink() throws Exception {
        HttpResponse<String> first = get("/users/meeting-a@fabrikam.com/calendar/calendarView?" + window(DAY.plusDays(1), 1));
        assertEquals(200, first.statusCode(), first.body());
        JsonNode page1 = Http.json(first);
        assertEquals(10, page1.get("value").size());
        assertTrue(page1.get("@odata.context").asText().endsWith("/calendar/calendarView"));
        String next = page1.get("@odata.nextLink").asText();
        assertTrue(next.startsWith(sim.graphUrl() + "/users/"), next);
        JsonNode page2 = Http.json(Http.get(next, "Authorization", "Bearer " + token));
        assertEquals(2, page2.get("value").size());
        assertFalse(page2.has("@odata.nextLink"));
        assertEquals("Slot 11", page2.get("value").get(0).get("subject").asText());
        JsonNode slot1 = page1.get("value").get(0);
        assertEquals("Slot 01", slot1.get("subject").asText());
        assertEquals("2026-03-19T07:00:00.0000000", slot1.get("start").get("dateTime").asText());
        assertEquals("UTC", slot1.get("start").get("timeZone").asText());
        for (String field : List.of("@odata.etag", "id", "iCalUId", "isAllDay", "showAs", "type", "seriesMasterId",
                "isCancelled", "sensitivity", "organizer", "location", "start", "end", "responseStatus")) {
            assertTrue(slot1.has(field), field);
        }
        assertEquals("singleInstance", slot1.get("type").asText());
    }

    @Test
    void shouldHonourPreferredTimeZoneExceptForAllDayEvents() throws Exception {
        HttpResponse<String> r = get("/users/meeting-a@fabrikam.com/calendar/calendarView?" + window(DAY, 1)
                + "&$top=50", "Prefer", "outlook.timezone=\"Pacific Standard Time\"");
        assertEquals("outlook.timezone=\"Pacific Standard Time\"", r.headers().firstValue("Preference-Applied")
                .orElse(null));
        JsonNode values = Http.json(r).get("value");
        List<String> got = new ArrayList<>();
        for (JsonNode e : values) {
            got.add(e.get("subject").asText() + " " + e.get("start").get("dateTime").asText() + " "
                    + e.get("start").get("timeZone").asText() + " " + e.get("showAs").asText() + " "
                    + e.get("type").asText());
        }
        assertEquals(List.of(
                "Fabrikam all-hands 2026-03-18T00:00:00.0000000 UTC free singleInstance",
                "Fabrikam sync 2026-03-18T01:00:00.0000000 Pacific Standard Time busy singleInstance",
                "Fabrikam weekly 2026-03-18T05:00:00.0000000 Pacific Standard Time busy occurrence",
                "Interview 2026-03-18T07:00:00.0000000 Pacific Standard Time tentative singleInstance",
                "Focus time 2026-03-18T08:00:00.0000000 Pacific Standard Time workingElsewhere singleInstance"), got);
        JsonNode weekly = values.get(2);
        assertFalse(weekly.get("seriesMasterId").isNull());
        assertEquals("2026-03-19T00:00:00.0000000", values.get(0).get("end").get("dateTime").asText());
    }

    @Test
    void shouldListCalendarsUsersAndPlaces() throws Exception {
        sim.scenario(); // calendars of a room with sub-folders live in contoso, which has no Graph; use fabrikam
        JsonNode calendars = Http.json(get("/users/meeting-a@fabrikam.com/calendars"));
        assertEquals("Calendar", calendars.get("value").get(0).get("name").asText());
        assertTrue(calendars.get("value").get(0).get("isDefaultCalendar").asBoolean());
        String calendarId = calendars.get("value").get(0).get("id").asText();
        JsonNode view = Http.json(get("/users/meeting-a@fabrikam.com/calendars/" + calendarId + "/calendarView?"
                + window(DAY, 1)));
        assertEquals(5, view.get("value").size());

        HttpResponse<String> noHeader = get("/users?$search=%22displayName:meeting%22");
        assertEquals(400, noHeader.statusCode());
        JsonNode users = Http.json(get("/users?$search=%22displayName:meeting%22", "ConsistencyLevel", "eventual"));
        assertEquals(List.of("meeting-a@fabrikam.com", "meeting-b@fabrikam.com"),
                List.of(users.get("value").get(0).get("mail").asText(), users.get("value").get(1).get("mail").asText()));
        JsonNode filtered = Http.json(get("/users?$filter=startswith(displayName,'Fabrikam')"));
        assertEquals("Fabrikam Admin", filtered.get("value").get(0).get("displayName").asText());

        JsonNode lists = Http.json(get("/places/microsoft.graph.roomlist"));
        assertEquals("rooms-hq@fabrikam.com", lists.get("value").get(0).get("emailAddress").asText());
        assertEquals("#microsoft.graph.roomList", lists.get("value").get(0).get("@odata.type").asText());
        JsonNode rooms = Http.json(get("/places/rooms-hq@fabrikam.com/microsoft.graph.roomlist/rooms"));
        assertEquals(2, rooms.get("value").size());
        assertEquals(10, rooms.get("value").get(0).get("capacity").asInt());
        JsonNode allRooms = Http.json(get("/places/microsoft.graph.room"));
        assertEquals("Meeting Room A", allRooms.get("value").get(0).get("displayName").asText());
    }

    @Test
    void shouldAnswer403ToTokenWithoutRolesAnd401ToBadTokens() throws Exception {
        String noRoles = sim.issueAppToken("fabrikam", Scenarios.FABRIKAM_APP_NO_CONSENT, "https://graph.microsoft.com");
        HttpResponse<String> r = Http.get(sim.graphUrl() + "/users/meeting-a@fabrikam.com/calendar/calendarView?"
                + window(DAY, 1), "Authorization", "Bearer " + noRoles);
        assertEquals(403, r.statusCode());
        assertEquals("ErrorAccessDenied", Http.json(r).get("error").get("code").asText());
        HttpResponse<String> bad = Http.get(sim.graphUrl() + "/users", "Authorization", "Bearer not.a.token");
        assertEquals(401, bad.statusCode());
        assertEquals("InvalidAuthenticationToken", Http.json(bad).get("error").get("code").asText());
        assertEquals(404, get("/users/nobody@fabrikam.com/calendar/calendarView?" + window(DAY, 1)).statusCode());
    }

    @Test
    void shouldThrottleAboveFourConcurrentRequestsPerMailboxAndWhenInjected() throws Exception {
        sim.faults().graphThrottle("meeting-b@fabrikam.com", 7);
        HttpResponse<String> injected = get("/users/meeting-b@fabrikam.com/calendar/calendarView?" + window(DAY, 1));
        assertEquals(429, injected.statusCode());
        assertEquals("7", injected.headers().firstValue("Retry-After").orElse(null));
        sim.faults().reset();

        sim.faults().latency("calendarView", java.time.Duration.ofMillis(500));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> get("/users/meeting-a@fabrikam.com/calendar/calendarView?"
                        + window(DAY, 1)).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            assertEquals(4, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(2, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }
}
