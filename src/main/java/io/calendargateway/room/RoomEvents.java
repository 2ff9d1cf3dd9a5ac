package io.calendargateway.room;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** The answer of {@code GET /rooms/{mail}/events}. */
public record RoomEvents(Room room, OffsetDateTime from, OffsetDateTime to, Instant fetchedAt, boolean stale,
                         List<Event> events) {

    public record Room(String mail, String name, String timeZone) {
    }
}
