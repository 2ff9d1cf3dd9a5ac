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
 * @param problem for a window never fetched successfully, what its polls answer until the next refresh tries
 *        again (events, body and etag are then null); null otherwise
 */
public record Schedule(ServedRoom room, Window window, List<Event> events, List<String> warnings, Instant fetchedAt,
                       UpstreamFailure failure, Instant failedAt, byte[] body, String etag, RuntimeException problem) {

    /** A window whose fetches failed so far: polls get the problem, Exchange is asked once per refresh. */
    static Schedule failed(ServedRoom room, Window window, UpstreamFailure failure, Instant failedAt,
                           RuntimeException problem) {
        return new Schedule(room, window, null, List.of(), null, failure, failedAt, null, null, problem);
    }

    /** The events, or the problem of a window never fetched successfully. */
    Schedule orThrow() {
        if (problem != null) {
            throw problem;
        }
        return this;
    }

    public boolean stale() {
        return failure != null;
    }
}
