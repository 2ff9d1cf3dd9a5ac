package io.calendargateway.upstream;

import java.time.Instant;
import java.time.ZoneId;

/**
 * One calendar item (an expanded instance of a series, or a single item) as a backend read it, before any
 * normalization: times as instants, texts as Exchange gave them.
 *
 * @param id the backend's item id of this instance
 * @param seriesId what links the instances of one series (EWS: the item's {@code UID}); null for single items
 * @param organizerMail the organizer's SMTP address, or null when the backend gave none (never an X.500 address)
 * @param startZone the zone the item was created in, when the backend says; all-day dates are taken in it
 */
public record Appointment(String id, String seriesId, Type type, String subject, String organizerName,
                          String organizerMail, Instant start, Instant end, boolean allDay, ZoneId startZone,
                          ShowAs showAs, Sensitivity sensitivity, boolean cancelled, String location) {

    public enum Type { SINGLE, OCCURRENCE, EXCEPTION }

    public enum ShowAs { FREE, TENTATIVE, BUSY, OOF, WORKING_ELSEWHERE, UNKNOWN }

    public enum Sensitivity { NORMAL, PERSONAL, PRIVATE, CONFIDENTIAL }

    /** Whether the item overlaps the half-open window {@code [from, to)}; a zero-length item counts at its start. */
    public boolean overlaps(Instant from, Instant to) {
        if (end.equals(start)) {
            return !start.isBefore(from) && start.isBefore(to);
        }
        return start.isBefore(to) && end.isAfter(from);
    }
}
