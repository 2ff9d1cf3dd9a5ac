package io.calendargateway.bench;

import io.calendargateway.simulator.Account;
import io.calendargateway.simulator.CalendarEvent;
import io.calendargateway.simulator.CalendarEvent.Sensitivity;
import io.calendargateway.simulator.Mailbox;
import io.calendargateway.simulator.Recurrence;
import io.calendargateway.simulator.RoomList;
import io.calendargateway.simulator.Scenario;
import io.calendargateway.simulator.Tenant;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The benchmark's organisation: {@value #ROOMS} rooms with {@value #EVENTS_PER_DAY} meetings every day, and one
 * room with {@value #BUSY_EVENTS_PER_DAY}, from the day before {@code D} for {@value #DAYS} days. Meetings are
 * daily series organized by three users (so the gateway resolves three X.500 addresses once), one of each room's
 * ten is private (masked by the gateway).
 */
final class BenchScenario {

    static final String DOMAIN = "bench.example";
    static final String NETBIOS = "BENCH";
    static final String ACCOUNT = "svc-bench";
    static final String PASSWORD = "Bench-Pass1";
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final int ROOMS = 200;
    static final int EVENTS_PER_DAY = 10;
    static final int BUSY_EVENTS_PER_DAY = 30;
    static final int DAYS = 70;
    static final String BUSY_ROOM = "busy30@" + DOMAIN;

    private static final String[][] ORGANIZERS = {
            {"Ann Lee", "ann@" + DOMAIN}, {"Bo Chen", "bo@" + DOMAIN}, {"Cleo Diaz", "cleo@" + DOMAIN}};

    private BenchScenario() {
    }

    /** room001@bench.example ... room200@bench.example: same length, so every events answer has the same size. */
    static List<String> rooms() {
        return IntStream.rangeClosed(1, ROOMS).mapToObj(i -> String.format("room%03d@%s", i, DOMAIN)).toList();
    }

    static Scenario create(LocalDate today) {
        Scenario s = new Scenario(today)
                .tenant(Tenant.onPremises("bench", NETBIOS, DOMAIN))
                .account(Account.onPremises(NETBIOS, ACCOUNT, PASSWORD).displayName("Benchmark Service")
                        .impersonation(Account.Impersonation.ROOMS));
        for (String[] organizer : ORGANIZERS) {
            s.mailbox(Mailbox.user(organizer[1], organizer[0], ZONE.getId()));
        }
        List<String> all = new ArrayList<>(rooms());
        all.add(BUSY_ROOM);
        for (String mail : rooms()) {
            Mailbox room = Mailbox.room(mail, "Room " + mail.substring(4, 7), ZONE.getId());
            s.mailbox(room);
            day(room, today, EVENTS_PER_DAY, Duration.ofMinutes(60), Duration.ofMinutes(45));
        }
        Mailbox busy = Mailbox.room(BUSY_ROOM, "Busy Room", ZONE.getId());
        s.mailbox(busy);
        day(busy, today, BUSY_EVENTS_PER_DAY, Duration.ofMinutes(30), Duration.ofMinutes(25));
        return s.roomList(new RoomList("rooms@" + DOMAIN, "Benchmark Rooms", all.toArray(String[]::new)));
    }

    /** {@code count} daily series from 07:00, one every {@code step}, each {@code length} long. */
    private static void day(Mailbox room, LocalDate today, int count, Duration step, Duration length) {
        ZonedDateTime first = today.minusDays(1).atTime(7, 0).atZone(ZONE);
        for (int i = 0; i < count; i++) {
            String[] organizer = ORGANIZERS[i % ORGANIZERS.length];
            CalendarEvent meeting = CalendarEvent.at("Meeting " + (i + 1) + " of the day",
                            first.plus(step.multipliedBy(i)), length)
                    .organizer(organizer[0], organizer[1]).location(room.displayName())
                    .recurring(Recurrence.daily(1).count(DAYS));
            if (i == 4) {
                meeting.sensitivity(Sensitivity.PRIVATE);
            }
            room.calendar().add(meeting);
        }
    }
}
