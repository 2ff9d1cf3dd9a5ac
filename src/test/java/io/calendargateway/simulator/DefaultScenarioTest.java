package io.calendargateway.simulator;

import static io.calendargateway.simulator.EwsJavaApiTest.uncheck;
import static io.calendargateway.simulator.EwsJavaApiTest.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.search.CalendarView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default scenario's data for the door-sign read path beyond room1's reference day, read by ews-java-api:
 * an occurrence changed in its subject only, personal and German-cancelled meetings, all-day events west and
 * east of UTC, the busy room, and a user mailbox of its own.
 */
class DefaultScenarioTest {

    /** A Wednesday before Berlin's 2026 DST change (29 March); New York is on EDT (UTC-4) since 8 March. */
    static final LocalDate DAY = LocalDate.of(2026, 3, 18);

    static ExchangeSimulator sim;

    @BeforeAll
    static void start() {
        sim = ExchangeSimulator.start(Scenarios.defaultScenario(DAY));
    }

    @AfterAll
    static void stop() {
        try {
            SchemaSupport.assertEwsTrafficValid(sim);
        } finally {
            sim.close();
        }
    }

    static ExchangeService adminAs(String mailbox) {
        return EwsClients.impersonating(sim.ewsUrl(), "CONTOSO", "svc-admin", Scenarios.SVC_ADMIN_PASSWORD, mailbox);
    }

    /** The days {@code [first, first + days)} in {@code zone}, as a door sign in that room's zone asks for them. */
    static CalendarView days(LocalDate first, int days, ZoneId zone) {
        return new CalendarView(Date.from(first.atStartOfDay(zone).toInstant()),
                Date.from(first.plusDays(days).atStartOfDay(zone).toInstant()));
    }

    static List<Appointment> read(ExchangeService service, CalendarView view) throws Exception {
        return service.findAppointments(new FolderId(WellKnownFolderName.Calendar), view).getItems();
    }

    static String line(Appointment a) {
        return uncheck(() -> a.getSubject() + " " + a.getAppointmentType() + " " + utc(a.getStart()) + "-"
                + utc(a.getEnd()) + " " + a.getLegacyFreeBusyStatus() + " " + a.getSensitivity()
                + (a.getIsAllDayEvent() ? " all-day" : "") + (a.getIsCancelled() ? " cancelled" : ""));
    }

    @Test
    void shouldChangeOnlyTheSubjectOfTheStandUpOnDayFour() throws Exception {
        try (ExchangeService service = adminAs("room1@contoso.com")) {
            List<Appointment> day4 = read(service, days(DAY.plusDays(4), 1, Scenarios.BERLIN));
            assertEquals(List.of(
                    "Daily stand-up (demo day) Exception 2026-03-22T07:30:00Z-2026-03-22T07:45:00Z Busy Normal",
                    "Berlin DST weekly Occurrence 2026-03-22T09:00:00Z-2026-03-22T10:00:00Z Busy Normal"),
                    day4.stream().map(DefaultScenarioTest::line).toList());
            Appointment demoDay = Appointment.bind(service, day4.get(0).getId());
            assertEquals("2026-03-22T07:30:00Z", utc(demoDay.getOriginalStart()), "same time as the series");
            assertEquals("Room 1", demoDay.getLocation());
            assertEquals("meganb@contoso.com", demoDay.getOrganizer().getAddress());
        }
    }

    @Test
    void shouldListPersonalAndGermanCancelledMeetingsOnDayOne() throws Exception {
        try (ExchangeService service = adminAs("room1@contoso.com")) {
            List<Appointment> day1 = read(service, days(DAY.plusDays(1), 1, Scenarios.BERLIN));
            assertEquals(List.of(
                    "Daily stand-up (moved) Exception 2026-03-19T08:15:00Z-2026-03-19T08:30:00Z Busy Normal",
                    "Dentist Single 2026-03-19T10:00:00Z-2026-03-19T10:30:00Z Busy Personal",
                    "Abgesagt: Jour fixe Single 2026-03-19T12:00:00Z-2026-03-19T12:30:00Z Free Normal cancelled"),
                    day1.stream().map(DefaultScenarioTest::line).toList());
            assertEquals(List.of("Megan Bowen", "Alex Wilber", "Megan Bowen"),
                    day1.stream().map(a -> uncheck(() -> a.getOrganizer().getName())).toList());
        }
    }

    @Test
    void shouldPutAllDayEventsWestOfUtcAtNewYorkMidnight() throws Exception {
        try (ExchangeService service = adminAs("room-ny@contoso.com")) {
            List<Appointment> allDay = read(service, days(DAY, 7, Scenarios.NEW_YORK)).stream()
                    .filter(a -> uncheck(a::getIsAllDayEvent)).toList();
            assertEquals(List.of(
                    "NY holiday Single 2026-03-20T04:00:00Z-2026-03-21T04:00:00Z Free Normal all-day",
                    "NY conference Single 2026-03-22T04:00:00Z-2026-03-24T04:00:00Z Busy Normal all-day"),
                    allDay.stream().map(DefaultScenarioTest::line).toList());
            assertEquals("Alex Wilber", allDay.get(1).getOrganizer().getName());
            assertEquals("(UTC-05:00) Eastern Time (US & Canada)", allDay.get(1).getTimeZone());
        }
    }

    @Test
    void shouldPutAllDayEventsEastOfUtcAtMumbaiMidnightTheUtcDayBefore() throws Exception {
        try (ExchangeService service = adminAs("room-in@contoso.com")) {
            List<Appointment> twoDays = read(service, days(DAY, 2, Scenarios.KOLKATA));
            assertEquals(List.of(
                    "Mumbai sync Single 2026-03-18T04:30:00Z-2026-03-18T05:30:00Z Busy Normal",
                    "Diwali Single 2026-03-18T18:30:00Z-2026-03-19T18:30:00Z Free Normal all-day"),
                    twoDays.stream().map(DefaultScenarioTest::line).toList());
            assertEquals(List.of("(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi"),
                    twoDays.stream().map(a -> uncheck(a::getTimeZone)).distinct().toList());
            assertEquals(List.of("Mumbai sync"), read(service, days(DAY, 1, Scenarios.KOLKATA)).stream()
                    .map(a -> uncheck(a::getSubject)).toList(), "Diwali starts after D in Kolkata");
        }
    }

    @Test
    void shouldFillTheBusyRoomWithFortySlotsADayFromDayMinusThree() throws Exception {
        List<String> slots = IntStream.range(0, 40)
                .mapToObj(i -> String.format("Slot %02d:%02d", 8 + i / 4, 15 * (i % 4))).toList();
        try (ExchangeService service = adminAs("room-busy@contoso.com")) {
            for (LocalDate day : List.of(DAY.minusDays(3), DAY, DAY.plusDays(41))) {
                assertEquals(slots, read(service, days(day, 1, Scenarios.BERLIN)).stream()
                        .map(a -> uncheck(a::getSubject)).toList(), day.toString());
            }
            assertEquals(List.of(), read(service, days(DAY.minusDays(4), 1, Scenarios.BERLIN)));
            assertEquals(List.of(), read(service, days(DAY.plusDays(42), 1, Scenarios.BERLIN)));
            Appointment first = read(service, days(DAY, 1, Scenarios.BERLIN)).get(0);
            assertEquals("Megan Bowen", first.getOrganizer().getName());
        }
    }

    @Test
    void shouldServeAUserMailboxInNoRoomListToItsOwnerAndToFullImpersonation() throws Exception {
        List<String> expected = List.of("Alex 1:1 Single 2026-03-18T10:00:00Z-2026-03-18T10:30:00Z Busy Normal");
        try (ExchangeService service = adminAs("alexw@contoso.com")) {
            assertEquals(expected, read(service, days(DAY, 1, Scenarios.BERLIN)).stream()
                    .map(DefaultScenarioTest::line).toList());
        }
        try (ExchangeService own = EwsClients.ntlm(sim.ewsUrl(), "CONTOSO", "alexw", Scenarios.ALEX_PASSWORD)) {
            assertEquals(expected, read(own, days(DAY, 1, Scenarios.BERLIN)).stream()
                    .map(DefaultScenarioTest::line).toList());
        }
    }
}
