package io.calendargateway.simulator;

import static io.calendargateway.simulator.EwsJavaApiTest.uncheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tailspin tenant over Graph: contoso's rooms and calendars copied, per-occurrence iCalUIds, the application
 * access policy's RAOP 403, paging a month of the busy room, and the foreign nextLink fault.
 */
class TailspinGraphTest {

    /** A Wednesday before Berlin's 2026 DST change (29 March). */
    static final LocalDate DAY = LocalDate.of(2026, 3, 18);
    static final String ROOM1 = "room1@tailspintoys.com";
    static final String BUSY = "room-busy@tailspintoys.com";

    static ExchangeSimulator sim;
    static String token;

    @BeforeAll
    static void start() {
        sim = ExchangeSimulator.start(Scenarios.defaultScenario(DAY));
        token = tokenOf(Scenarios.TAILSPIN_APP);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void reset() {
        sim.faults().reset();
        sim.calls().reset();
    }

    static String tokenOf(String app) {
        return sim.issueAppToken("tailspin", app, "https://graph.microsoft.com");
    }

    static HttpResponse<String> get(String pathAndQuery, String... extraHeaders) throws Exception {
        return getAs(token, pathAndQuery, extraHeaders);
    }

    static HttpResponse<String> getAs(String bearer, String pathAndQuery, String... extraHeaders) throws Exception {
        List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + bearer));
        headers.addAll(List.of(extraHeaders));
        return Http.get(sim.graphUrl() + pathAndQuery, headers.toArray(String[]::new));
    }

    /** {@code days} Berlin days from {@code d} (CET, before the DST change). */
    static String window(LocalDate d, int days) {
        return "startDateTime=" + d + "T00:00:00%2B01:00&endDateTime=" + d.plusDays(days) + "T00:00:00%2B01:00";
    }

    static JsonNode view(String mailbox, LocalDate d, int days) throws Exception {
        HttpResponse<String> r = get("/users/" + mailbox + "/calendar/calendarView?" + window(d, days) + "&$top=1000");
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r).get("value");
    }

    @Test
    void shouldGiveEveryOccurrenceItsOwnICalUIdWhileTheyShareTheSeriesMasterId() throws Exception {
        List<JsonNode> standUps = new ArrayList<>();
        for (JsonNode e : view(ROOM1, DAY, 5)) {
            if (e.get("subject").asText().startsWith("Daily stand-up")) {
                standUps.add(e);
            }
        }
        // D+2 is deleted: D, D+1 (moved), D+3, D+4 (renamed)
        assertEquals(List.of("Daily stand-up occurrence 2026-03-18", "Daily stand-up (moved) exception 2026-03-19",
                        "Daily stand-up occurrence 2026-03-21", "Daily stand-up (demo day) exception 2026-03-22"),
                standUps.stream().map(e -> e.get("subject").asText() + " " + e.get("type").asText() + " "
                        + e.get("occurrenceId").asText().substring(e.get("occurrenceId").asText().length() - 10))
                        .toList());
        String masterId = standUps.get(0).get("seriesMasterId").asText();
        Set<String> uids = new HashSet<>();
        for (JsonNode e : standUps) {
            assertEquals(masterId, e.get("seriesMasterId").asText());
            assertEquals("OID." + masterId + ".", e.get("occurrenceId").asText().substring(0, masterId.length() + 5));
            assertNotEquals(masterId, e.get("id").asText());
            uids.add(e.get("iCalUId").asText());
        }
        assertEquals(4, uids.size(), uids.toString());

        JsonNode master = masterOf(ROOM1, "Daily stand-up");
        assertEquals(masterId, master.get("id").asText());
        String masterUid = master.get("iCalUId").asText();
        assertEquals(112, masterUid.length());
        assertEquals("040000008200E00074C5B7101A82E00800000000", masterUid.substring(0, 40));
        // the instance's original date in the bytes after the class id: 2026 = 07EA, March 03, the day
        assertEquals(masterUid.substring(0, 32) + "07EA0313" + masterUid.substring(40),
                standUps.get(1).get("iCalUId").asText(), "moved occurrence keeps its original date");
        assertEquals(masterUid.substring(0, 32) + "07EA0316" + masterUid.substring(40),
                standUps.get(3).get("iCalUId").asText());

        JsonNode budget = view(ROOM1, DAY, 1).get(1);
        assertEquals("Budget review", budget.get("subject").asText());
        assertEquals("singleInstance", budget.get("type").asText());
        assertTrue(budget.get("seriesMasterId").isNull());
        assertTrue(budget.get("occurrenceId").isNull());
        assertEquals("00000000", budget.get("iCalUId").asText().substring(32, 40));
    }

    /** The series master of {@code subject} from the primary calendar's events. */
    static JsonNode masterOf(String mailbox, String subject) throws Exception {
        for (JsonNode e : Http.json(get("/users/" + mailbox + "/calendar/events?$top=100")).get("value")) {
            if (e.get("subject").asText().equals(subject)) {
                return e;
            }
        }
        throw new AssertionError("no " + subject);
    }

    @Test
    void shouldHoldTheSameWeekInRoom1OverGraphAsContosoOverEws() throws Exception {
        List<String> graph = new ArrayList<>();
        for (JsonNode e : view(ROOM1, DAY, 7)) {
            graph.add(graphLine(e));
        }
        List<String> ews;
        try (ExchangeService service = EwsClients.impersonating(sim.ewsUrl(), "CONTOSO", "svc-admin",
                Scenarios.SVC_ADMIN_PASSWORD, "room1@contoso.com")) {
            ews = DefaultScenarioTest.read(service, DefaultScenarioTest.days(DAY, 7, Scenarios.BERLIN)).stream()
                    .map(TailspinGraphTest::ewsLine).toList();
        }
        assertEquals(ews, graph);
        assertEquals(21, graph.size());
        assertEquals("Daily stand-up occurrence 2026-03-18T07:30:00Z-2026-03-18T07:45:00Z busy normal Megan Bowen",
                graph.get(0));
        assertEquals("Quick sync single 2026-03-18T08:00:00Z-2026-03-18T08:30:00Z busy normal Megan Bowen",
                graph.get(2), "same start as Budget review, listed after it");
        assertTrue(graph.contains("Offsite single 2026-03-23/2026-03-26 busy normal Alex Wilber"), graph.toString());
        assertTrue(graph.contains("Canceled: Team lunch single 2026-03-18T11:30:00Z-2026-03-18T12:30:00Z free normal"
                + " Megan Bowen"), graph.toString());

        JsonNode budget = view(ROOM1, DAY, 1).get(1);
        assertEquals("alexw@contoso.com", budget.get("organizer").get("emailAddress").get("address").asText());
        assertEquals("Room 1", budget.get("location").get("displayName").asText());
    }

    static String graphLine(JsonNode e) {
        String type = e.get("type").asText().replace("singleInstance", "single");
        String when = e.get("isAllDay").asBoolean()
                ? e.get("start").get("dateTime").asText().substring(0, 10) + "/"
                        + e.get("end").get("dateTime").asText().substring(0, 10)
                : utc(e.get("start")) + "-" + utc(e.get("end"));
        String organizer = e.get("organizer").get("emailAddress").get("name").asText();
        // an Exchange2010_SP2 client sees WorkingElsewhere as Free; Graph tells it apart
        String showAs = e.get("showAs").asText().replace("workingElsewhere", "free");
        return e.get("subject").asText() + " " + type + " " + when + " " + showAs + " "
                + e.get("sensitivity").asText() + " " + (organizer.equals("Room 1") ? "" : organizer);
    }

    static String utc(JsonNode graphTime) {
        assertEquals("UTC", graphTime.get("timeZone").asText());
        return LocalDateTime.parse(graphTime.get("dateTime").asText()).toInstant(ZoneOffset.UTC).toString();
    }

    static String ewsLine(Appointment a) {
        return uncheck(() -> {
            String when = a.getIsAllDayEvent()
                    ? a.getStart().toInstant().atZone(Scenarios.BERLIN).toLocalDate() + "/"
                            + a.getEnd().toInstant().atZone(Scenarios.BERLIN).toLocalDate()
                    : Instant.ofEpochMilli(a.getStart().getTime()) + "-" + Instant.ofEpochMilli(a.getEnd().getTime());
            String organizer = a.getOrganizer() == null ? "" : a.getOrganizer().getName();
            return a.getSubject() + " " + a.getAppointmentType().name().toLowerCase() + " " + when + " "
                    + a.getLegacyFreeBusyStatus().name().toLowerCase() + " " + a.getSensitivity().name().toLowerCase()
                    + " " + (organizer.equals("Room 1") ? "" : organizer);
        });
    }

    @Test
    void shouldAnswerRaopForbiddenOutsideTheAccessPolicyGroup() throws Exception {
        String restricted = tokenOf(Scenarios.TAILSPIN_APP_RESTRICTED);
        for (String path : List.of("/calendar/calendarView?" + window(DAY, 1), "/calendars", "/calendar/events",
                "/mailboxSettings")) {
            HttpResponse<String> denied = getAs(restricted, "/users/" + BUSY + path);
            assertEquals(403, denied.statusCode(), path);
            JsonNode error = Http.json(denied).get("error");
            assertEquals("ErrorAccessDenied", error.get("code").asText());
            assertEquals("Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy"
                    + " settings.", error.get("message").asText());
            assertEquals(List.of("date", "request-id", "client-request-id"),
                    iterable(error.get("innerError").fieldNames()));
            assertEquals(200, getAs(restricted, "/users/" + ROOM1 + path).statusCode(), path);
            assertEquals(200, getAs(restricted, "/users/room2@tailspintoys.com" + path).statusCode(), path);
        }
        assertEquals(List.of("error"), iterable(Http.json(getAs(restricted, "/users/" + BUSY + "/calendars"))
                .fieldNames()));
        // the directory is not mailbox data: the policy does not hide the user object
        assertEquals(200, getAs(restricted, "/users/" + BUSY).statusCode());
        assertEquals(404, getAs(restricted, "/users/nobody@tailspintoys.com/calendars").statusCode());
    }

    @Test
    void shouldPageAMonthOfTheBusyRoomInTwoPagesOfAtMostAThousand() throws Exception {
        HttpResponse<String> first = get("/users/" + BUSY + "/calendar/calendarView?" + window(DAY, 31)
                + "&$top=1000");
        JsonNode page1 = Http.json(first);
        assertEquals(1000, page1.get("value").size());
        String next = page1.get("@odata.nextLink").asText();
        assertTrue(next.startsWith(sim.graphUrl() + "/users/" + BUSY + "/calendar/calendarView?"), next);
        JsonNode page2 = Http.json(Http.get(next, "Authorization", "Bearer " + token));
        assertEquals(240, page2.get("value").size());
        assertFalse(page2.has("@odata.nextLink"));
        assertEquals("Slot 08:00", page1.get("value").get(0).get("subject").asText());
        assertEquals("2026-03-18T07:00:00.0000000", page1.get("value").get(0).get("start").get("dateTime").asText());
        JsonNode last = page2.get("value").get(239);
        assertEquals("Slot 17:45", last.get("subject").asText());
        assertEquals("2026-04-17T15:45:00.0000000", last.get("start").get("dateTime").asText(), "CEST after 29 March");
        assertEquals(2, sim.calls().count("calendarView", BUSY), "each page is one request");

        HttpResponse<String> over = get("/users/" + BUSY + "/calendar/calendarView?" + window(DAY, 31) + "&$top=5000");
        assertEquals(1000, Http.json(over).get("value").size(), "Graph caps $top at 1000");
    }

    @Test
    void shouldPointNextLinksAtAForeignHostWhenTold() throws Exception {
        sim.faults().graphForeignNextLink(BUSY, "https://graph.evil.example");
        JsonNode page = Http.json(get("/users/" + BUSY + "/calendar/calendarView?" + window(DAY, 1)));
        assertEquals(10, page.get("value").size());
        String next = page.get("@odata.nextLink").asText();
        assertTrue(next.startsWith("https://graph.evil.example/v1.0/users/" + BUSY + "/calendar/calendarView?"),
                next);
        assertTrue(next.contains("$skip=10"), next);
        String room1Next = Http.json(get("/users/" + ROOM1 + "/calendar/calendarView?" + window(DAY, 1)))
                .get("@odata.nextLink").asText();
        assertTrue(room1Next.startsWith(sim.graphUrl()), "other mailboxes keep ours: " + room1Next);

        sim.faults().reset();
        String ours = Http.json(get("/users/" + BUSY + "/calendar/calendarView?" + window(DAY, 1)))
                .get("@odata.nextLink").asText();
        assertTrue(ours.startsWith(sim.graphUrl() + "/users/"), ours);
    }

    @Test
    void shouldTellRoomsEquipmentSharedAndUserMailboxesByUserPurpose() throws Exception {
        HttpResponse<String> r = get("/users/" + ROOM1 + "/mailboxSettings");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode settings = Http.json(r);
        assertTrue(settings.get("@odata.context").asText()
                .endsWith("/v1.0/$metadata#users('room1%40tailspintoys.com')/mailboxSettings"));
        assertEquals("room", settings.get("userPurpose").asText());
        assertEquals("W. Europe Standard Time", settings.get("timeZone").asText());
        assertEquals("W. Europe Standard Time", settings.get("workingHours").get("timeZone").get("name").asText());
        assertEquals("disabled", settings.get("automaticRepliesSetting").get("status").asText());
        assertEquals("Eastern Standard Time",
                Http.json(get("/users/room-ny@tailspintoys.com/mailboxSettings")).get("timeZone").asText());
        List<String> purposes = new ArrayList<>();
        for (String mailbox : List.of("projector1", "alexw", "reception", "room-busy")) {
            JsonNode p = Http.json(get("/users/" + mailbox + "@tailspintoys.com/mailboxSettings/userPurpose"));
            assertTrue(p.get("@odata.context").asText().endsWith("/mailboxSettings/userPurpose"));
            purposes.add(p.get("value").asText());
        }
        assertEquals(List.of("equipment", "user", "shared", "room"), purposes);
        assertEquals(6, sim.calls().count("mailboxSettings"));
        assertEquals(1, sim.calls().count("mailboxSettings", ROOM1));

        HttpResponse<String> denied = getAs(tokenOf(Scenarios.TAILSPIN_APP_CALENDARS_ONLY),
                "/users/" + ROOM1 + "/mailboxSettings/userPurpose");
        assertEquals(403, denied.statusCode());
        assertEquals("ErrorAccessDenied", Http.json(denied).get("error").get("code").asText());
        assertEquals("Access is denied. Check credentials and try again.",
                Http.json(denied).get("error").get("message").asText());
    }

    @Test
    void shouldCountTheItemsOfEveryCalendarOfTheFlatList() throws Exception {
        JsonNode calendars = Http.json(get("/users/training@tailspintoys.com/calendars")).get("value");
        List<String> names = new ArrayList<>();
        calendars.forEach(c -> names.add(c.get("name").asText()));
        assertEquals(List.of("Calendar", "Kurse", "Sprachen", "Französisch", "Leer", "Externe Buchungen", "Archiv"),
                names);
        List<Integer> counts = new ArrayList<>();
        for (JsonNode c : calendars) {
            HttpResponse<String> r = get("/users/training@tailspintoys.com/calendars/" + c.get("id").asText()
                    + "/events?$count=true&$top=1&$select=id");
            assertEquals(200, r.statusCode(), r.body());
            counts.add(Http.json(r).get("@odata.count").asInt());
        }
        assertEquals(List.of(2, 3, 1, 2, 0, 1, 1200), counts, "a series counts once");

        JsonNode archive = Http.json(get("/users/training@tailspintoys.com/calendars/" + calendars.get(6).get("id")
                .asText() + "/events?$count=true&$top=1&$select=id"));
        assertEquals(List.of("@odata.etag", "id"), iterable(archive.get("value").get(0).fieldNames()));
        assertTrue(archive.get("@odata.nextLink").asText().contains("$skip=1"), archive.toString());
        assertEquals(8, sim.calls().count("events", "training@tailspintoys.com"));

        JsonNode primary = Http.json(get("/users/" + ROOM1 + "/calendar/events?$count=true&$top=100"));
        assertEquals(16, primary.get("@odata.count").asInt());
        assertEquals(16, primary.get("value").size());
        assertFalse(Http.json(get("/users/" + ROOM1 + "/calendar/events")).has("@odata.count"), "only when asked");
        JsonNode standUp = masterOf(ROOM1, "Daily stand-up");
        assertEquals("seriesMaster", standUp.get("type").asText());
        assertTrue(standUp.get("seriesMasterId").isNull());
        assertEquals("2026-03-11T07:30:00.0000000", standUp.get("start").get("dateTime").asText());
        assertEquals("daily", standUp.get("recurrence").get("pattern").get("type").asText());
        assertEquals("numbered", standUp.get("recurrence").get("range").get("type").asText());
        assertEquals(21, standUp.get("recurrence").get("range").get("numberOfOccurrences").asInt());
        assertEquals("2026-03-11", standUp.get("recurrence").get("range").get("startDate").asText());
        assertEquals(List.of("wednesday"), iterable(masterOf(ROOM1, "Weekly planning").get("recurrence")
                .get("pattern").get("daysOfWeek").elements()).stream().map(JsonNode::asText).toList());
    }

    static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void shouldSearchTheTenantsUsersAsGraphDoes() throws Exception {
        String eventual = "eventual";
        JsonNode rooms = Http.json(get("/users?$search=" + Http.urlEncode("\"displayName:room\" OR \"mail:projector\"")
                + "&$count=true&$select=displayName,mail", "ConsistencyLevel", eventual));
        assertEquals(List.of("Board Room", "Busy Room", "Projector 1", "Room 1", "Room 2", "Room 3", "Room Mumbai",
                "Room NY"), names(rooms));
        assertEquals(8, rooms.get("@odata.count").asInt());
        assertEquals(List.of("displayName", "mail"), iterable(rooms.get("value").get(0).fieldNames()));
        assertEquals("boardroom@tailspintoys.com", rooms.get("value").get(0).get("mail").asText());

        assertEquals(List.of("Jürgen Weiß"), names(Http.json(get("/users?$search="
                + Http.urlEncode("\"displayName:weiß\""), "ConsistencyLevel", eventual))));
        assertEquals(List.of("Alex Wilber", "Megan Bowen"), names(Http.json(get("/users?$filter="
                + Http.urlEncode("startswith(displayName,'Alex') or startswith(mail,'meganb')")))),
                "the tenant's own users only, not contoso's");

        JsonNode first = Http.json(get("/users?$search=" + Http.urlEncode("\"displayName:room\"") + "&$top=3",
                "ConsistencyLevel", eventual));
        assertEquals(List.of("Board Room", "Busy Room", "Room 1"), names(first));
        assertFalse(first.has("@odata.count"), "only with $count=true");
        String next = first.get("@odata.nextLink").asText();
        assertTrue(next.contains("$skiptoken="), next);
        JsonNode second = Http.json(Http.get(next, "Authorization", "Bearer " + token, "ConsistencyLevel", eventual));
        assertEquals(List.of("Room 2", "Room 3", "Room Mumbai"), names(second));

        HttpResponse<String> tooMany = get("/users?$top=1000");
        assertEquals(400, tooMany.statusCode());
        assertEquals("Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.",
                Http.json(tooMany).get("error").get("message").asText());
        assertEquals(400, get("/users?$search=" + Http.urlEncode("\"displayName:room\"")).statusCode(),
                "needs ConsistencyLevel: eventual");
        HttpResponse<String> noDirectory = getAs(tokenOf(Scenarios.TAILSPIN_APP_CALENDARS_ONLY), "/users");
        assertEquals(403, noDirectory.statusCode());
        assertEquals("Authorization_RequestDenied", Http.json(noDirectory).get("error").get("code").asText());
    }

    static List<String> names(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("value").forEach(u -> out.add(u.get("displayName").asText()));
        return out;
    }

    @Test
    void shouldListRoomListsAndTheirRoomsWhateverTheSegmentsCase() throws Exception {
        for (String segment : List.of("microsoft.graph.roomList", "microsoft.graph.roomlist")) {
            JsonNode lists = Http.json(get("/places/" + segment));
            List<String> mails = new ArrayList<>();
            lists.get("value").forEach(l -> mails.add(l.get("emailAddress").asText()));
            assertEquals(List.of("building1@tailspintoys.com", "building2@tailspintoys.com",
                    "building3@tailspintoys.com"), mails, segment);
        }
        JsonNode building3 = Http.json(get("/places/building3@tailspintoys.com/microsoft.graph.roomList/rooms"));
        assertEquals(List.of("Busy Room", "Schulungsraum Köln"), names(building3));
        assertEquals(16, building3.get("value").get(1).get("capacity").asInt());
        String listId = Http.json(get("/places/microsoft.graph.roomList")).get("value").get(0).get("id").asText();
        assertEquals(List.of("Room 1", "Room 2", "Board Room"),
                names(Http.json(get("/places/" + listId + "/microsoft.graph.roomlist/rooms"))));
        assertEquals(8, Http.json(get("/places/microsoft.graph.room")).get("value").size());
        assertEquals(403, getAs(tokenOf(Scenarios.TAILSPIN_APP_CALENDARS_ONLY), "/places/microsoft.graph.room")
                .statusCode());
    }
}
