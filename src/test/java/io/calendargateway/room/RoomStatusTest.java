package io.calendargateway.room;

import io.calendargateway.upstream.Appointment;
import io.calendargateway.upstream.Appointment.Sensitivity;
import io.calendargateway.upstream.Appointment.ShowAs;
import io.calendargateway.upstream.Appointment.Type;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoomStatusTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant END = Instant.parse("2026-11-30T00:00:00Z");

    private static List<Event> events(Object... spec) {
        List<Appointment> list = new ArrayList<>();
        for (int i = 0; i < spec.length; i += 4) {
            list.add(new Appointment("e" + i, null, Type.SINGLE, (String) spec[i], null, null,
                    Instant.parse("2026-11-28T" + spec[i + 1] + ":00Z"), Instant.parse("2026-11-28T" + spec[i + 2]
                    + ":00Z"), false, null, (ShowAs) spec[i + 3], Sensitivity.NORMAL,
                    spec[i].toString().startsWith("x"), null));
        }
        return Normalizer.normalize(list, UTC, Privacy.SHOW, "p");
    }

    private static RoomStatus at(String time, List<Event> events) {
        return RoomStatus.of(events, Instant.parse("2026-11-28T" + time + ":00Z"), END, UTC, Instant.EPOCH, false);
    }

    @Test
    void shouldFollowAChainOfTouchingAndOverlappingBusyMeetings() {
        List<Event> day = events("A", "09:00", "10:00", ShowAs.BUSY, "B", "10:00", "10:30", ShowAs.TENTATIVE,
                "C", "10:15", "11:00", ShowAs.OOF, "D", "11:30", "12:00", ShowAs.BUSY);
        RoomStatus s = at("09:30", day);
        assertThat(s.state()).isEqualTo(RoomStatus.State.BUSY);
        assertThat(s.current().subject()).isEqualTo("A");
        assertThat(s.busyUntil()).hasToString("2026-11-28T11:00Z");
        assertThat(s.next().subject()).isEqualTo("B");
        assertThat(s.freeUntil()).isNull();

        RoomStatus gap = at("11:10", day);
        assertThat(gap.state()).isEqualTo(RoomStatus.State.FREE);
        assertThat(gap.freeUntil()).hasToString("2026-11-28T11:30Z");
        assertThat(gap.next().subject()).isEqualTo("D");
        assertThat(gap.busyUntil()).isNull();
    }

    @Test
    void shouldIgnoreFreeAndCancelledMeetings() {
        List<Event> day = events("Open", "09:00", "12:00", ShowAs.FREE, "x-cancelled", "09:30", "10:00",
                ShowAs.BUSY, "Later", "13:00", "14:00", ShowAs.BUSY);
        RoomStatus s = at("09:45", day);
        assertThat(s.state()).isEqualTo(RoomStatus.State.FREE);
        assertThat(s.current()).isNull();
        assertThat(s.next().subject()).isEqualTo("Later");
        assertThat(s.freeUntil()).hasToString("2026-11-28T13:00Z");
    }

    @Test
    void shouldLookNoFurtherThan24HoursAndCapBusyUntilAtTheWindow() {
        RoomStatus empty = at("09:00", events());
        assertThat(empty.state()).isEqualTo(RoomStatus.State.FREE);
        assertThat(empty.next()).isNull();
        assertThat(empty.freeUntil()).isNull();

        RoomStatus late = RoomStatus.of(events("Night", "20:00", "23:59", ShowAs.BUSY), Instant.parse(
                "2026-11-28T21:00:00Z"), Instant.parse("2026-11-28T22:00:00Z"), UTC, Instant.EPOCH, true);
        assertThat(late.busyUntil()).hasToString("2026-11-28T22:00Z");
        assertThat(late.stale()).isTrue();
    }
}
