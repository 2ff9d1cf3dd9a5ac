package io.calendargateway.room;

import io.calendargateway.upstream.UpstreamFailure;

import java.time.Instant;
import java.util.List;

/**
 * One cached window of a room: its masked events as last fetched, and how the last attempt went. A failed
 * refresh keeps the events and marks them stale.
 *
 * @param events masked (privacy applied), cancelled ones included, sorted
 * @param warnings findings about the room's mailbox ({@code ADD_ORGANIZER_TO_SUBJECT}), from unmasked events
 * @param failure the failure of the latest refresh, or null when it succeeded
 * @param body the JSON answer without cancelled events, written once per refresh
 * @param etag the weak ETag of {@code body}'s room, window and events
 */
public record Schedule(ServedRoom room, Window window, List<Event> events, List<String> warnings, Instant fetchedAt,
                       UpstreamFailure failure, Instant failedAt, byte[] body, String etag) {

    public boolean stale() {
        return failure != null;
    }
}
