package io.calendargateway.profile;

import java.util.UUID;

/**
 * Fired after a profile was updated or deleted: whoever holds connections, token clients or caches built from
 * the old settings closes them.
 */
public record ProfileChanged(UUID profileId) {
}
