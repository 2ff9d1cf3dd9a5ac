package io.calendargateway.room;

import io.calendargateway.simulator.ExchangeSimulator;
import io.calendargateway.simulator.Scenarios;
import io.calendargateway.support.Rooms;
import io.calendargateway.support.SimulatorResource;
import io.calendargateway.support.TestClock;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.calendargateway.support.Admin.admin;
import static io.calendargateway.support.Admin.adminResponseValidated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The door-sign read path through the HTTP API against the simulated Exchange (default scenario). */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(SimulatorResource.class)
class RoomEventsResourceTest {

    private static final LocalDate D = LocalDate.now(Scenarios.BERLIN);
    private static String profileId;

    @BeforeEach
    void profile() {
        if (profileId == null) {
            profileId = Rooms.contosoProfile();
        }
    }

    @AfterEach
    void resetFaultsAndClock() {
        sim().faults().reset();
        TestClock.reset();
    }

    @Test
    void shouldServeTodaysNormalizedEventsOfARoomInItsProfilesZone() {
        JsonPath answer = events("room1@contoso.com", "");

        assertThat(answer.getString("room.mail")).isEqualTo("room1@contoso.com");
        assertThat(answer.getString("room.name")).isEqualTo("Room 1");
        assertThat(answer.getString("room.timeZone")).isEqualTo("Europe/Berlin");
        assertThat(answer.getString("from")).isEqualTo(berlin(D, 0, 0));
        assertThat(answer.getString("to")).isEqualTo(berlin(D.plusDays(1), 0, 0));
        assertThat(answer.getBoolean("stale")).isFalse();
        assertThat(lines(answer)).containsExactly(
                "08:30-08:45 OCCURRENCE Daily stand-up | Megan Bowen <meganb@contoso.com> | BUSY NORMAL Room 1",
                "09:00-09:30 SINGLE Quick sync | Megan Bowen <meganb@contoso.com> | BUSY NORMAL Room 1",
                "09:00-10:00 SINGLE Budget review | Alex Wilber <alexw@contoso.com> | BUSY NORMAL Room 1",
                "10:30-11:00 SINGLE Vendor demo | Alex Wilber <alexw@contoso.com> | TENTATIVE NORMAL null",
                "12:00-12:30 SINGLE Private appointment | null | BUSY PRIVATE null",
                "14:00-15:00 OCCURRENCE Weekly planning | Alex Wilber <alexw@contoso.com> | BUSY NORMAL Room 1",
                "15:00-15:30 SINGLE Coffee corner open | Room 1 <room1@contoso.com> | FREE NORMAL null",
                "16:00-17:00 SINGLE Private appointment | null | BUSY CONFIDENTIAL null",
                "17:00-18:00 SINGLE Maintenance | Room 1 <room1@contoso.com> | OOF NORMAL null",
                "18:00-18:30 SINGLE Remote session | Megan Bowen <meganb@contoso.com> | FREE NORMAL null");
        assertThat(answer.getString("events[0].start")).isEqualTo(berlin(D, 8, 30));
        assertThat(answer.getString("events[0].seriesId")).isNotBlank();
        assertThat(answer.getString("events[1].seriesId")).isNull();
    }

    @Test
    void shouldShowCancelledMeetingsOnlyWhenAskedWithoutTheirPrefix() {
        JsonPath answer = events("room1@contoso.com", "?includeCancelled=true");
        List<String> lines = lines(answer);
        assertThat(lines).hasSize(11).contains(
                "12:30-13:30 SINGLE Team lunch | Megan Bowen <meganb@contoso.com> | FREE NORMAL null");
        assertThat(answer.getList("events.cancelled", Boolean.class).stream().filter(c -> c).count()).isEqualTo(1);

        JsonPath tomorrow = events("room1@contoso.com", "?from=" + D.plusDays(1) + "&includeCancelled=true");
        assertThat(lines(tomorrow)).contains(
                "13:00-13:30 SINGLE Jour fixe | Megan Bowen <meganb@contoso.com> | FREE NORMAL null");
    }

    @Test
    void shouldExpandSeriesWithMovedModifiedAndDeletedOccurrences() {
        JsonPath tomorrow = events("room1@contoso.com", "?from=" + D.plusDays(1));
        assertThat(lines(tomorrow)).contains(
                "09:15-09:30 EXCEPTION Daily stand-up (moved) | Megan Bowen <meganb@contoso.com> | BUSY NORMAL Room 1",
                "11:00-11:30 SINGLE Dentist | Alex Wilber <alexw@contoso.com> | BUSY PERSONAL null");
        String series = events("room1@contoso.com", "").getString("events[0].seriesId");
        assertThat(tomorrow.getString("events[0].seriesId")).isEqualTo(series);

        assertThat(lines(events("room1@contoso.com", "?from=" + D.plusDays(2))))
                .noneMatch(line -> line.contains("Daily stand-up"));
        JsonPath demoDay = events("room1@contoso.com", "?from=" + D.plusDays(4));
        assertThat(lines(demoDay)).contains(
                "08:30-08:45 EXCEPTION Daily stand-up (demo day) | Megan Bowen <meganb@contoso.com> | BUSY NORMAL Room 1");
        assertThat(demoDay.getString("events[0].seriesId")).isEqualTo(series);
    }

    @Test
    void shouldKeepAllDayDatesInTheRoomsZoneEastAndWestOfUtc() {
        JsonPath holiday = events("room1@contoso.com", "?from=" + D.plusDays(3));
        assertThat(holiday.getList("events.findAll { it.allDay }.subject")).containsExactly("Company holiday");
        assertThat(holiday.getString("events.find { it.allDay }.startDate")).isEqualTo(D.plusDays(3).toString());
        assertThat(holiday.getString("events.find { it.allDay }.endDate")).isEqualTo(D.plusDays(4).toString());
        assertThat(holiday.getString("events.find { it.allDay }.start")).isEqualTo(berlin(D.plusDays(3), 0, 0));

        JsonPath offsite = events("room1@contoso.com", "?from=" + D.plusDays(5) + "&to=" + D.plusDays(8));
        assertThat(offsite.getString("events.find { it.subject == 'Offsite' }.startDate"))
                .isEqualTo(D.plusDays(5).toString());
        assertThat(offsite.getString("events.find { it.subject == 'Offsite' }.endDate"))
                .isEqualTo(D.plusDays(8).toString());

        // New York's midnight is 06:00 in Berlin, the profile's zone: the date must not move
        JsonPath ny = events("room-ny@contoso.com", "?from=" + D.plusDays(2) + "&to=" + D.plusDays(6));
        assertThat(ny.getString("room.timeZone")).isEqualTo("Europe/Berlin");
        assertThat(ny.getList("events.findAll { it.allDay }.subject")).containsExactly("NY holiday", "NY conference");
        assertThat(ny.getList("events.findAll { it.allDay }.startDate"))
                .containsExactly(D.plusDays(2).toString(), D.plusDays(4).toString());
        assertThat(ny.getList("events.findAll { it.allDay }.endDate"))
                .containsExactly(D.plusDays(3).toString(), D.plusDays(6).toString());

        // Kolkata's midnight is 18:30 UTC the day before
        JsonPath mumbai = events("room-in@contoso.com", "?from=" + D.plusDays(1));
        assertThat(mumbai.getList("events.subject")).containsExactly("Diwali");
        assertThat(mumbai.getString("events[0].startDate")).isEqualTo(D.plusDays(1).toString());
        assertThat(mumbai.getString("events[0].start")).isEqualTo(berlin(D.plusDays(1), 0, 0));
    }

    @Test
    void shouldUseTheBindingsZoneOverTheProfiles() {
        Rooms.bind("room-ny@contoso.com", """
                {"profileId": "%s", "timeZone": "America/New_York", "displayName": "New York 5th floor"}
                """.formatted(profileId));
        try {
            LocalDate nyToday = LocalDate.now(Scenarios.NEW_YORK);
            JsonPath answer = events("room-ny@contoso.com", "?from=" + nyToday);
            assertThat(answer.getString("room.name")).isEqualTo("New York 5th floor");
            assertThat(answer.getString("room.timeZone")).isEqualTo("America/New_York");
            assertThat(answer.getString("from")).startsWith(nyToday + "T00:00:00-0");
            if (nyToday.equals(D)) {
                assertThat(lines(answer)).contains(
                        "10:00-11:00 SINGLE NY planning | Alex Wilber <alexw@contoso.com> | BUSY NORMAL null");
            }
            JsonPath holiday = events("room-ny@contoso.com", "?from=" + D.plusDays(2));
            assertThat(holiday.getString("events.find { it.allDay }.start")).startsWith(D.plusDays(2) + "T00:00:00-0");
        } finally {
            admin().when().delete("/rooms/room-ny@contoso.com").then().statusCode(204);
        }
    }

    @Test
    void shouldApplyAPrivacyChangeOnTheNextPoll() {
        Rooms.bind("room1@contoso.com", """
                {"profileId": "%s", "privacy": "BUSY_ONLY"}""".formatted(profileId));
        try {
            JsonPath busyOnly = events("room1@contoso.com", "");
            assertThat(busyOnly.getList("events.subject")).hasSize(10).containsOnlyNulls();
            assertThat(busyOnly.getList("events.organizer")).containsOnlyNulls();
            assertThat(busyOnly.getString("events[0].start")).isEqualTo(berlin(D, 8, 30));

            Rooms.bind("room1@contoso.com", """
                    {"profileId": "%s", "privacy": "SHOW"}""".formatted(profileId));
            JsonPath shown = events("room1@contoso.com", "");
            assertThat(shown.getList("events.subject")).contains("Budget review", "Private appointment")
                    .doesNotContain("Salary talk", "Merger discussion");
        } finally {
            admin().when().delete("/rooms/room1@contoso.com").then().statusCode(204);
        }
    }

    @Test
    void shouldServeAnEmployeeMailboxOnlyWhenBoundWithAllowNonRoom() {
        adminResponseValidated().when().get("/rooms/alexw@contoso.com/events").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", startsWith("No room alexw@contoso.com is served"));
        adminResponseValidated().body("{\"profileId\": \"" + profileId + "\"}")
                .when().put("/rooms/alexw@contoso.com").then().statusCode(400)
                .body("type", equalTo("/problems/not-a-room"))
                .body("hint", startsWith("Add the mailbox to a room list (New-DistributionGroup -RoomList"));

        // the profile's service account may impersonate rooms only; one that may read Alex's mailbox serves him
        String admins = Rooms.profile("svc-admin", Scenarios.SVC_ADMIN_PASSWORD);
        Rooms.bind("alexw@contoso.com", """
                {"profileId": "%s", "allowNonRoom": true}""".formatted(admins));
        try {
            assertThat(lines(events("alexw@contoso.com", ""))).containsExactly(
                    "11:00-11:30 SINGLE Alex 1:1 | Alex Wilber <alexw@contoso.com> | BUSY NORMAL null");
        } finally {
            admin().when().delete("/rooms/alexw@contoso.com").then().statusCode(204);
        }
        adminResponseValidated().when().get("/rooms/alexw@contoso.com/events").then().statusCode(404);
    }

    @Test
    void shouldRefuseBadWindowsAndAddresses() {
        String base = "/rooms/room1@contoso.com/events";
        assertProblem(base + "?to=" + D, 400, "'to' needs 'from' as well");
        assertProblem(base + "?from=" + D + "&to=" + D, 400, "'to' (" + berlin(D, 0, 0) + ") must be after 'from' ("
                + berlin(D, 0, 0) + ")");
        assertProblem(base + "?from=" + D + "&to=" + D.plusDays(32), 400,
                "The window is longer than the maximum of 31 days");
        assertProblem(base + "?from=yesterday", 400, "'from' must be a date (2026-11-28) or a date-time with offset "
                + "(2026-11-28T09:00:00+01:00), not 'yesterday'");
        assertProblem(base + "?from=2026-11-28T09:00:00", 400, "'from' must be a date (2026-11-28) or a date-time "
                + "with offset (2026-11-28T09:00:00+01:00), not '2026-11-28T09:00:00'");
        assertProblem("/rooms/not-an-address/events", 400, "'not-an-address' is not a mail address");
        assertProblem("/rooms/nobody@example.org/events", 404, "No room nobody@example.org is served: bind it "
                + "(PUT /rooms/nobody@example.org), or add it to a room list of the profile that serves its domain");
        // a whole month is fine, and a date-time with offset is taken as such
        assertThat(events("room1@contoso.com", "?from=" + D + "&to=" + D.plusDays(31)).getList("events")).isNotEmpty();
        String offset = ZonedDateTime.of(D.atTime(9, 30), Scenarios.BERLIN).getOffset().getId();
        assertThat(admin().queryParam("from", D + "T09:30:00" + offset).queryParam("to", D + "T10:00:00" + offset)
                .when().get("/rooms/room1@contoso.com/events").then().statusCode(200).extract().jsonPath()
                .getList("events.subject")).containsExactly("Budget review");
    }

    @Test
    void shouldAnswerUnchangedSchedulesWith304() {
        var first = admin().when().get("/rooms/room2@contoso.com/events").then().statusCode(200).extract();
        String etag = first.header("ETag");
        assertThat(etag).startsWith("W/\"");
        String again = admin().when().get("/rooms/room2@contoso.com/events").then().statusCode(200).extract()
                .header("ETag");
        assertThat(again).isEqualTo(etag);
        admin().header("If-None-Match", etag).when().get("/rooms/room2@contoso.com/events").then().statusCode(304)
                .header("ETag", equalTo(etag)).header("Cache-Control", equalTo("max-age=1"));
        admin().header("If-None-Match", "W/\"other\"").when().get("/rooms/room2@contoso.com/events").then()
                .statusCode(200);
    }

    @Test
    void shouldFetchAColdRoomOnceForManyConcurrentPolls() throws Exception {
        TestClock.set(java.time.Instant.now());
        String window = "?from=" + D.plusDays(9) + "&to=" + D.plusDays(12);
        int before = sim().calls().count("FindItem", "boardroom@contoso.com");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> polls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                polls.add(pool.submit(() -> admin().when().get("/rooms/boardroom@contoso.com/events" + window)
                        .then().extract().statusCode()));
            }
            for (Future<Integer> poll : polls) {
                assertThat(poll.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sim().calls().count("FindItem", "boardroom@contoso.com") - before).isEqualTo(1);
        for (int i = 0; i < 20; i++) {
            admin().when().get("/rooms/boardroom@contoso.com/events" + window).then().statusCode(200);
        }
        // the clock stands still in this test, so no refresh is due either
        assertThat(sim().calls().count("FindItem", "boardroom@contoso.com") - before).isEqualTo(1);
    }

    @Test
    void shouldSplitAWindowThatExchangeTruncates() {
        JsonPath month = events("room-busy@contoso.com", "?from=" + D + "&to=" + D.plusDays(31));
        assertThat(month.getList("events")).hasSize(40 * 31);
        assertThat(month.getString("events[0].subject")).isEqualTo("Slot 08:00");
        assertThat(month.getString("events[0].start")).isEqualTo(berlin(D, 8, 0));
        assertThat(month.getString("events[1239].subject")).isEqualTo("Slot 17:45");
        assertThat(month.getString("events[1239].start")).isEqualTo(berlin(D.plusDays(30), 17, 45));
        assertThat(month.getList("events.id").stream().distinct().count()).isEqualTo(1240);
    }

    @Test
    void shouldAnswer502ForGarbageFromExchangeOnAColdRoom() {
        TestClock.set(java.time.Instant.now());
        sim().faults().garbage("FindItem");
        int before = sim().calls().count("FindItem", "room3@contoso.com");
        for (int i = 0; i < 5; i++) {
            adminResponseValidated().when().get("/rooms/room3@contoso.com/events?from=" + D.plusDays(20))
                    .then().statusCode(502).contentType("application/problem+json")
                    .body("code", equalTo("INVALID_RESPONSE"))
                    .body("title", equalTo("Exchange sent an answer the gateway cannot read"));
        }
        // a window that cannot be read is asked again once per refresh interval, not once per poll
        assertThat(sim().calls().count("FindItem", "room3@contoso.com") - before).isEqualTo(1);
    }

    @Test
    void shouldServeTheLastScheduleStaleWhileExchangeIsDown() throws Exception {
        String window = "?from=" + D.plusDays(1);
        events("room2@contoso.com", window);
        sim().faults().outage(io.calendargateway.simulator.Outage.CONNECTION_REFUSED);
        Thread.sleep(1_100);
        events("room2@contoso.com", window);
        Thread.sleep(300);
        var stale = admin().when().get("/rooms/room2@contoso.com/events" + window).then().statusCode(200)
                .extract();
        assertThat(stale.jsonPath().getBoolean("stale")).isTrue();
        assertThat(Integer.parseInt(stale.header("Age"))).isGreaterThanOrEqualTo(1);

        JsonPath room = admin().when().get("/rooms/room2@contoso.com").then().statusCode(200).extract().jsonPath();
        assertThat(room.getBoolean("stale")).isTrue();
        // a kept-alive connection is cut first, new ones are refused: both say the server is unreachable
        assertThat(room.getString("lastFailure.code")).isIn("CONNECTION_REFUSED", "CONNECTION_LOST");
        assertThat(room.getString("lastFailure.hint")).isEqualTo("Check the service URL, DNS, firewall and outbound proxy.");
    }

    @Test
    void shouldWarnAboutSubjectsThatAreTheOrganizersName() {
        events("room2@contoso.com", "");
        JsonPath room = admin().when().get("/rooms/room2@contoso.com").then().statusCode(200).extract().jsonPath();
        assertThat(room.getBoolean("bound")).isFalse();
        assertThat(room.getString("profileId")).isEqualTo(profileId);
        assertThat(room.getString("name")).isEqualTo("Room 2");
        assertThat(room.getList("warnings.code")).containsExactly("ADD_ORGANIZER_TO_SUBJECT");
        assertThat(room.getString("warnings[0].hint"))
                .isEqualTo("Set-CalendarProcessing -Identity <room> -AddOrganizerToSubject $false -DeleteSubject $false");
    }

    @Test
    void shouldTellFreeAndBusyNowFromTheStatusWindow() {
        TestClock.set(ZonedDateTime.of(D.atTime(9, 10), Scenarios.BERLIN).toInstant());
        JsonPath busy = admin().when().get("/rooms/room1@contoso.com/status").then().statusCode(200).extract()
                .jsonPath();
        assertThat(busy.getString("state")).isEqualTo("BUSY");
        assertThat(busy.getString("current.subject")).isEqualTo("Quick sync");
        assertThat(busy.getString("busyUntil")).isEqualTo(berlin(D, 10, 0));
        assertThat(busy.getString("freeUntil")).isNull();
        assertThat(busy.getString("next.subject")).isEqualTo("Vendor demo");

        TestClock.set(ZonedDateTime.of(D.atTime(10, 10), Scenarios.BERLIN).toInstant());
        JsonPath free = admin().when().get("/rooms/room1@contoso.com/status").then().statusCode(200).extract()
                .jsonPath();
        assertThat(free.getString("state")).isEqualTo("FREE");
        assertThat(free.getString("current")).isNull();
        assertThat(free.getString("freeUntil")).isEqualTo(berlin(D, 10, 30));
        assertThat(free.getString("next.subject")).isEqualTo("Vendor demo");

        // a free "Coffee corner open" and a cancelled lunch do not make the room busy
        TestClock.set(ZonedDateTime.of(D.atTime(15, 10), Scenarios.BERLIN).toInstant());
        JsonPath coffee = admin().when().get("/rooms/room1@contoso.com/status").then().statusCode(200).extract()
                .jsonPath();
        assertThat(coffee.getString("state")).isEqualTo("FREE");
        assertThat(coffee.getString("freeUntil")).isEqualTo(berlin(D, 16, 0));
        assertThat(coffee.getString("next.subject")).isEqualTo("Private appointment");
    }

    @Test
    void shouldSeeABindingWrittenByAnotherReplicaWithinASecond() throws Exception {
        // as if another replica (or psql) wrote it: only the database notification tells this one
        TestDatabase.execute("INSERT INTO room_binding (mail, profile_id, display_name, time_zone, privacy, "
                + "allow_non_room, version, created_at, updated_at) VALUES ('room3@contoso.com', '" + profileId
                + "', 'Room 3 (written elsewhere)', 'Asia/Tokyo', 'SHOW', false, 0, now(), now())");
        try {
            long start = System.nanoTime();
            String name = null;
            while ((System.nanoTime() - start) / 1_000_000 < 1_000 && !"Room 3 (written elsewhere)".equals(name)) {
                name = admin().when().get("/rooms/room3@contoso.com").then().statusCode(200).extract().path("name");
                Thread.sleep(20);
            }
            assertThat(name).isEqualTo("Room 3 (written elsewhere)");
            assertThat(events("room3@contoso.com", "").getString("room.timeZone")).isEqualTo("Asia/Tokyo");
        } finally {
            admin().when().delete("/rooms/room3@contoso.com").then().statusCode(204);
        }
    }

    @Test
    void shouldResolveEachOrganizersX500AddressOnlyOnce() {
        events("room1@contoso.com", "?from=" + D.plusDays(14));
        int resolved = sim().calls().count("ResolveNames");
        // other windows of the same room, with the same organizers: no directory lookup
        events("room1@contoso.com", "?from=" + D.plusDays(15));
        events("room1@contoso.com", "?from=" + D.plusDays(16) + "&to=" + D.plusDays(20));
        assertThat(sim().calls().count("ResolveNames")).isEqualTo(resolved);
    }

    @Test
    void shouldTagRequestMetricsByRouteTemplate() {
        events("room1@contoso.com", "");
        admin().when().get("/rooms/room1@contoso.com/status").then().statusCode(200);
        admin().when().get("/rooms/room1@contoso.com").then().statusCode(200);
        String metrics = io.restassured.RestAssured.given().when().get("/q/metrics").then().statusCode(200)
                .extract().asString();
        assertThat(metrics).contains("uri=\"/rooms/{mail}/events\"", "uri=\"/rooms/{mail}/status\"",
                "uri=\"/rooms/{mail}\"").doesNotContain("room1@contoso.com");
        assertThat(metrics).contains("gateway_upstream_calls_seconds_count{operation=\"CalendarView\",outcome=\"ok\"",
                "cache_gets_total{cache=\"room_schedule\",result=\"hit\"");
    }

    private static void assertProblem(String path, int status, String detail) {
        adminResponseValidated().when().get(path).then().statusCode(status)
                .contentType("application/problem+json").body("detail", equalTo(detail));
    }

    private static List<String> lines(JsonPath answer) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < answer.getList("events").size(); i++) {
            String e = "events[" + i + "].";
            String organizer = answer.getString(e + "organizer") == null ? "null"
                    : answer.getString(e + "organizer.name") + " <" + answer.getString(e + "organizer.mail") + ">";
            lines.add(answer.getString(e + "start").substring(11, 16) + "-" + answer.getString(e + "end")
                    .substring(11, 16) + " " + answer.getString(e + "type") + " " + answer.getString(e + "subject")
                    + " | " + organizer + " | " + answer.getString(e + "showAs") + " "
                    + answer.getString(e + "sensitivity") + " " + answer.getString(e + "location"));
        }
        return lines;
    }

    static JsonPath events(String mail, String query) {
        return admin().when().get("/rooms/" + mail + "/events" + query).then().statusCode(200)
                .header("Cache-Control", equalTo("max-age=1")).extract().jsonPath();
    }

    static String berlin(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day.atTime(hour, minute), Scenarios.BERLIN).toOffsetDateTime().toString()
                .replace("T" + String.format("%02d:%02d", hour, minute), "T" + String.format("%02d:%02d:00", hour, minute));
    }

    static ExchangeSimulator sim() {
        return SimulatorResource.simulator();
    }
}
