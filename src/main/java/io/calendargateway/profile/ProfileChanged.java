package io.calendargateway.profile;

import java.util.UUID;

/**
 * Fired asynchronously after a profile update or delete has committed: whoever holds connections, token clients or
 * caches built from the old settings closes them (closing sockets blocks, so not on the request's event loop).
 */
public record ProfileChanged(UUID profileId) {
}
