package io.calendargateway.room;

import io.calendargateway.upstream.Appointment;
import io.calendargateway.upstream.Appointment.Sensitivity;
import io.calendargateway.upstream.Appointment.ShowAs;
import io.calendargateway.upstream.Appointment.Type;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NormalizerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Appointment meeting(String id, String subject, String start, String end, Sensitivity sensitivity) {
        return new Appointment(id, null, Type.SINGLE, subject, "Alex Wilber", "alexw@contoso.com",
                Instant.parse(start), Instant.parse(end), false, null, ShowAs.BUSY, sensitivity, false, "Room 1");
    }

    private static Appointment allDay(String subject, String start, String end, ZoneId own) {
        return new Appointment("a-" + subject, null, Type.SINGLE, subject, null, null, Instant.parse(start),
                Instant.parse(end), true, own, ShowAs.FREE, Sensitivity.NORMAL, false, null);
    }

    @Test
    void shouldConvertTimesToTheRoomsZoneAcrossDaylightSavingTime() {
        List<Event> events = Normalizer.normalize(List.of(
                meeting("1", "Summer", "2026-03-28T09:00:00Z", "2026-03-28T10:00:00Z", Sensitivity.NORMAL),
                meeting("2", "After the change", "2026-03-30T09:00:00Z", "2026-03-30T10:00:00Z", Sensitivity.NORMAL)),
                BERLIN, Privacy.MASK_PRIVATE, "Private appointment");

        assertThat(events.get(0).start()).hasToString("2026-03-28T10:00+01:00");
        assertThat(events.get(1).start()).hasToString("2026-03-30T11:00+02:00");
    }

    @Test
    void shouldMaskPrivateMeetingSubjectsInEveryMode() {
        Appointment secret = meeting("1", "Salary talk", "2026-11-28T11:00:00Z", "2026-11-28T11:30:00Z",
                Sensitivity.PRIVATE);
        Appointment confidential = meeting("2", "Merger", "2026-11-28T12:00:00Z", "2026-11-28T13:00:00Z",
                Sensitivity.CONFIDENTIAL);
        Appointment personal = meeting("3", "Dentist", "2026-11-28T13:00:00Z", "2026-11-28T13:30:00Z",
                Sensitivity.PERSONAL);
        for (Privacy privacy : Privacy.values()) {
            List<Event> events = Normalizer.normalize(List.of(secret, confidential, personal), BERLIN, privacy,
                    "Private appointment");
            // BUSY_ONLY hides every subject, the neutral one too
            assertThat(events.get(0).subject()).as(privacy.name())
                    .isEqualTo(privacy == Privacy.BUSY_ONLY ? null : "Private appointment");
            assertThat(events.get(0).organizer()).isNull();
            assertThat(events.get(0).location()).isNull();
            assertThat(events.get(0).sensitivity()).isEqualTo(Sensitivity.PRIVATE);
            assertThat(events.get(0).start()).hasToString("2026-11-28T12:00+01:00");
            assertThat(events.get(1).subject()).isEqualTo(privacy == Privacy.BUSY_ONLY ? null : "Private appointment");
            assertThat(events.get(2).subject()).isEqualTo(privacy == Privacy.BUSY_ONLY ? null : "Dentist");
            assertThat(events.get(2).organizer() == null).isEqualTo(privacy == Privacy.BUSY_ONLY);
            assertThat(events.get(2).location()).isEqualTo("Room 1");
        }
    }

    @Test
    void shouldStripCancellationPrefixes() {
        for (String subject : List.of("Canceled: Lunch", "Cancelled: Lunch", "Abgesagt: Lunch", "CANCELED:Lunch")) {
            Event e = Normalizer.normalize(List.of(meeting("1", subject, "2026-11-28T11:00:00Z",
                    "2026-11-28T12:00:00Z", Sensitivity.NORMAL)), BERLIN, Privacy.SHOW, "x").get(0);
            assertThat(e.subject()).as(subject).isEqualTo("Lunch");
        }
        assertThat(Normalizer.normalize(List.of(meeting("1", "Cancellation policy", "2026-11-28T11:00:00Z",
                "2026-11-28T12:00:00Z", Sensitivity.NORMAL)), BERLIN, Privacy.SHOW, "x").get(0).subject())
                .isEqualTo("Cancellation policy");
    }

    @Test
    void shouldKeepAllDayDatesWhateverTheZones() {
        // a Berlin all-day event as EWS sends it: local midnight in UTC
        Event berlin = Normalizer.normalize(List.of(allDay("Holiday", "2026-11-27T23:00:00Z",
                "2026-11-28T23:00:00Z", ZoneOffset.ofHours(1))), NEW_YORK, Privacy.SHOW, "x").get(0);
        assertThat(berlin.startDate()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(berlin.endDate()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(berlin.start()).hasToString("2026-11-28T00:00-05:00");
        assertThat(berlin.allDay()).isTrue();

        // Kolkata (+05:30, 18:30Z the day before), zone unknown: rounded to the nearest midnight of the room's zone
        Event kolkata = Normalizer.normalize(List.of(allDay("Diwali", "2026-11-07T18:30:00Z",
                "2026-11-09T18:30:00Z", null)), BERLIN, Privacy.SHOW, "x").get(0);
        assertThat(kolkata.startDate()).isEqualTo(LocalDate.of(2026, 11, 8));
        assertThat(kolkata.endDate()).isEqualTo(LocalDate.of(2026, 11, 10));

        // New York in summer: only the standard offset (-05:00) is known, daylight time is -04:00
        Event ny = Normalizer.normalize(List.of(allDay("Fourth", "2026-07-04T04:00:00Z", "2026-07-05T04:00:00Z",
                ZoneOffset.ofHours(-5))), BERLIN, Privacy.SHOW, "x").get(0);
        assertThat(ny.startDate()).isEqualTo(LocalDate.of(2026, 7, 4));
        assertThat(ny.start()).hasToString("2026-07-04T00:00+02:00");

        // a Graph-style all-day event at UTC midnight, no zone given: taken as-is in a zone west of UTC
        Event graph = Normalizer.normalize(List.of(allDay("Offsite", "2026-11-28T00:00:00Z", "2026-11-30T00:00:00Z",
                ZoneOffset.UTC)), NEW_YORK, Privacy.SHOW, "x").get(0);
        assertThat(graph.startDate()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(graph.endDate()).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void shouldSortByStartThenEndAndKeepOverlaps() {
        List<Event> events = Normalizer.normalize(List.of(
                meeting("b", "Long", "2026-11-28T08:00:00Z", "2026-11-28T09:00:00Z", Sensitivity.NORMAL),
                meeting("c", "Later", "2026-11-28T08:30:00Z", "2026-11-28T08:45:00Z", Sensitivity.NORMAL),
                meeting("a", "Short", "2026-11-28T08:00:00Z", "2026-11-28T08:30:00Z", Sensitivity.NORMAL)),
                BERLIN, Privacy.SHOW, "x");
        assertThat(events).extracting(Event::subject).containsExactly("Short", "Long", "Later");
    }

    @Test
    void shouldSuspectAddOrganizerToSubjectFromThreeEventsHalfOfThemNamedAfterTheOrganizer() {
        Appointment named = meeting("1", "Alex Wilber", "2026-11-28T08:00:00Z", "2026-11-28T09:00:00Z",
                Sensitivity.NORMAL);
        Appointment plain = meeting("2", "Budget", "2026-11-28T10:00:00Z", "2026-11-28T11:00:00Z",
                Sensitivity.NORMAL);
        assertThat(Normalizer.organizerSubjects(List.of(named, named, plain)).suspected()).isTrue();
        assertThat(Normalizer.organizerSubjects(List.of(named, plain, plain, plain)).suspected()).isFalse();
        assertThat(Normalizer.organizerSubjects(List.of(named, plain, named, plain))).isEqualTo(
                new Normalizer.OrganizerSubjects(4, 2));
        assertThat(Normalizer.organizerSubjects(List.of(named, named)).suspected()).isFalse();
    }
}
