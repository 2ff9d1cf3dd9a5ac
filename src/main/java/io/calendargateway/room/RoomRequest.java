package io.calendargateway.room;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code PUT /rooms/{mail}}: what serves the room and how door signs show it. */
public record RoomRequest(@NotBlank String profileId, @Size(max = 1024) String folderId,
                          @Size(max = 200) String displayName, @Size(max = 64) String timeZone, Privacy privacy,
                          Boolean allowNonRoom) {
}
