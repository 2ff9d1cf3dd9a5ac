package io.calendargateway.room;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The answer of {@code GET /rooms/{mail}/status} for small displays (PRODUCT.md §4): busy when a non-cancelled
 * event not shown as free covers now; {@code busyUntil} is the end of the chain of overlapping or touching busy
 * events; {@code next} and {@code freeUntil} look 24 hours ahead.
 */
public record RoomStatus(State state, Event current, Event next, OffsetDateTime freeUntil, OffsetDateTime busyUntil,
                         Instant fetchedAt, boolean stale) {

    public enum State { FREE, BUSY }

    static final Duration LOOK_AHEAD = Duration.ofHours(24);

    /**
     * @param events the status window's events, sorted by start
     * @param windowEnd the end of the window they cover: {@code busyUntil} never goes beyond it
     */
    static RoomStatus of(List<Event> events, Instant now, Instant windowEnd, ZoneId zone, Instant fetchedAt,
                         boolean stale) {
        List<Event> busy = events.stream().filter(Event::busy).toList();
        Event current = busy.stream()
                .filter(e -> !e.start().toInstant().isAfter(now) && e.end().toInstant().isAfter(now))
                .findFirst().orElse(null);
        Instant horizon = now.plus(LOOK_AHEAD);
        Event next = busy.stream()
                .filter(e -> e.start().toInstant().isAfter(now) && e.start().toInstant().isBefore(horizon))
                .findFirst().orElse(null);
        if (current == null) {
            OffsetDateTime freeUntil = next == null ? null : next.start();
            return new RoomStatus(State.FREE, null, next, freeUntil, null, fetchedAt, stale);
        }
        Instant until = current.end().toInstant();
        boolean extended = true;
        while (extended) {
            extended = false;
            for (Event e : busy) {
                Instant start = e.start().toInstant();
                Instant end = e.end().toInstant();
                if (!start.isAfter(until) && end.isAfter(until)) {
                    until = end;
                    extended = true;
                }
            }
        }
        if (until.isAfter(windowEnd)) {
            until = windowEnd;
        }
        return new RoomStatus(State.BUSY, current, next, null, until.atZone(zone).toOffsetDateTime(), fetchedAt,
                stale);
    }
}
