package io.calendargateway.room;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A room as admins see it: its binding (or, for an unbound room of a profile's domain, the profile serving it),
 * how the latest fetches went, and what is wrong with its mailbox.
 *
 * @param name the name door signs show
 * @param timeZone the zone door signs get (binding, else profile, else the gateway default)
 */
public record RoomView(String mail, boolean bound, UUID profileId, String folderId, String displayName, String name,
                       String timeZone, Privacy privacy, boolean allowNonRoom, Integer version,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt, Instant lastSuccessAt, Failure lastFailure,
                       boolean stale, List<Warning> warnings) {

    public record Failure(Instant at, String code, String message, String hint) {
    }

    public record Warning(String code, String message, String hint) {
    }
}
