package io.calendargateway.room;

import io.calendargateway.error.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The half-open window {@code [from, to)} of an events request, in the room's zone (PRODUCT.md §4): a date means
 * 00:00 of that day in the room's zone, a date-time must carry an offset; only {@code from} means one day, neither
 * means today.
 */
public record Window(ZonedDateTime from, ZonedDateTime to) {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /**
     * @param today the room's today (from the gateway's clock)
     * @throws ProblemException 400 for unreadable bounds, {@code to} without {@code from}, {@code to} not after
     *         {@code from}, or a window longer than {@code maxDays}
     */
    public static Window parse(String from, String to, ZoneId zone, LocalDate today, int maxDays) {
        boolean hasFrom = from != null && !from.isBlank();
        boolean hasTo = to != null && !to.isBlank();
        if (!hasFrom && hasTo) {
            throw ProblemException.badRequest("'to' needs 'from' as well");
        }
        ZonedDateTime start = hasFrom ? bound("from", from, zone) : today.atStartOfDay(zone);
        ZonedDateTime end = hasTo ? bound("to", to, zone) : start.plusDays(1);
        if (!end.isAfter(start)) {
            throw ProblemException.badRequest("'to' (" + ISO.format(end) + ") must be after 'from' ("
                    + ISO.format(start) + ")");
        }
        // counted in calendar days of the room's zone: a month across a DST change is still 31 days
        if (end.isAfter(start.plusDays(maxDays))) {
            throw ProblemException.badRequest("The window is longer than the maximum of " + maxDays + " days");
        }
        return new Window(start, end);
    }

    /** Today and tomorrow in the room's zone: what {@code /status} reads. */
    public static Window statusWindow(ZoneId zone, LocalDate today) {
        return new Window(today.atStartOfDay(zone), today.plusDays(2).atStartOfDay(zone));
    }

    private static ZonedDateTime bound(String name, String value, ZoneId zone) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone);
            }
            return OffsetDateTime.parse(text).atZoneSameInstant(zone);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("'" + name + "' must be a date (2026-11-28) or a date-time with offset "
                    + "(2026-11-28T09:00:00+01:00), not '" + value + "'");
        }
    }
}
