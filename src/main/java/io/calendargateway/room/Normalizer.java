package io.calendargateway.room;

import io.calendargateway.upstream.Appointment;
import io.calendargateway.upstream.Appointment.Sensitivity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns what a backend read into what door signs get (PRODUCT.md §5): times in the room's zone, all-day events as
 * dates that never shift, cancellation prefixes stripped, private meetings masked, sorted by start then end.
 * Pure: no I/O, no clock.
 */
public final class Normalizer {

    /** Prefixes Exchange puts before the subject of a cancelled meeting, in the languages rooms meet in. */
    private static final Pattern CANCELLED_PREFIX = Pattern.compile("^(?i)(canceled|cancelled|abgesagt)\\s*:\\s*");

    static final Comparator<Event> ORDER = Comparator.comparing(Event::start).thenComparing(Event::end)
            .thenComparing(Event::id, Comparator.nullsLast(Comparator.naturalOrder()));

    private Normalizer() {
    }

    /**
     * @param privateSubject the neutral subject of private and confidential meetings
     */
    public static List<Event> normalize(List<Appointment> appointments, ZoneId zone, Privacy privacy,
                                        String privateSubject) {
        List<Event> events = new ArrayList<>(appointments.size());
        for (Appointment a : appointments) {
            events.add(mask(unmasked(a, zone), privacy, privateSubject));
        }
        events.sort(ORDER);
        return List.copyOf(events);
    }

    /** One appointment in the room's zone, nothing masked (the organizer-as-subject check looks at these). */
    static Event unmasked(Appointment a, ZoneId zone) {
        Event.Organizer organizer = a.organizerName() == null && a.organizerMail() == null ? null
                : new Event.Organizer(a.organizerName(), a.organizerMail());
        String subject = a.subject() == null ? null : CANCELLED_PREFIX.matcher(a.subject()).replaceFirst("");
        if (a.allDay()) {
            ZoneId own = a.startZone() != null ? a.startZone() : zone;
            LocalDate first = nearestMidnight(a.start(), own);
            LocalDate end = nearestMidnight(a.end(), own);
            if (!end.isAfter(first)) {
                end = first.plusDays(1);
            }
            return new Event(a.id(), a.seriesId(), a.type(), subject, organizer,
                    first.atStartOfDay(zone).toOffsetDateTime(), end.atStartOfDay(zone).toOffsetDateTime(), true,
                    first, end, a.showAs(), a.sensitivity(), a.cancelled(), a.location());
        }
        return new Event(a.id(), a.seriesId(), a.type(), subject, organizer, a.start().atZone(zone).toOffsetDateTime(),
                a.end().atZone(zone).toOffsetDateTime(), false, null, null, a.showAs(), a.sensitivity(),
                a.cancelled(), a.location());
    }

    /** Whether the event overlaps the half-open window; a zero-length event counts at its start. */
    static boolean overlaps(Event e, Instant from, Instant to) {
        Instant start = e.start().toInstant();
        Instant end = e.end().toInstant();
        return end.equals(start) ? !start.isBefore(from) && start.isBefore(to)
                : start.isBefore(to) && end.isAfter(from);
    }

    /**
     * The date whose midnight in {@code zone} is nearest to {@code instant}. All-day events are stored at local
     * midnight of the zone they were made in; rounding keeps the date right even when only the zone's standard
     * offset is known (an hour off during daylight saving time).
     */
    static LocalDate nearestMidnight(Instant instant, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        return local.getHour() >= 12 ? local.toLocalDate().plusDays(1) : local.toLocalDate();
    }

    /** Privacy before caching: private and confidential meetings in every mode, all subjects in BUSY_ONLY. */
    static Event mask(Event e, Privacy privacy, String privateSubject) {
        boolean secret = e.sensitivity() == Sensitivity.PRIVATE || e.sensitivity() == Sensitivity.CONFIDENTIAL;
        if (privacy == Privacy.BUSY_ONLY) {
            return new Event(e.id(), e.seriesId(), e.type(), null, null, e.start(), e.end(), e.allDay(), e.startDate(),
                    e.endDate(), e.showAs(), e.sensitivity(), e.cancelled(), secret ? null : e.location());
        }
        if (secret) {
            return new Event(e.id(), e.seriesId(), e.type(), privateSubject, null, e.start(), e.end(), e.allDay(),
                    e.startDate(), e.endDate(), e.showAs(), e.sensitivity(), e.cancelled(), null);
        }
        return e;
    }

    /**
     * Room mailboxes with {@code AddOrganizerToSubject} replace subjects by the organizer's name (PRODUCT.md §5
     * rule 8), which EWS cannot read: counts the events that carry their organizer's name as subject. Looks at
     * unmasked events.
     */
    public static OrganizerSubjects organizerSubjects(List<Appointment> appointments) {
        int withOrganizer = 0;
        int subjectIsOrganizer = 0;
        for (Appointment a : appointments) {
            String name = a.organizerName();
            if (name != null && !name.isBlank()) {
                withOrganizer++;
                String subject = a.subject() == null ? null : CANCELLED_PREFIX.matcher(a.subject()).replaceFirst("");
                if (subject != null && Objects.equals(name.strip(), subject.strip())) {
                    subjectIsOrganizer++;
                }
            }
        }
        return new OrganizerSubjects(withOrganizer, subjectIsOrganizer);
    }

    /** Of the events with an organizer, how many have the organizer's name as subject. */
    public record OrganizerSubjects(int withOrganizer, int subjectIsOrganizer) {

        /** At least 3 events have an organizer and at least half of them carry its name as subject. */
        public boolean suspected() {
            return withOrganizer >= 3 && 2 * subjectIsOrganizer >= withOrganizer;
        }
    }
}
