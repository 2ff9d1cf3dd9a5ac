package io.calendargateway.room;

import io.calendargateway.profile.Profile;

import java.time.ZoneId;

/**
 * A room door signs may read, with everything its schedule depends on.
 *
 * @param binding the room's binding, or null for a confirmed room of a profile's domain
 * @param folderId the bound calendar folder, or null for the primary calendar
 */
public record ServedRoom(String mail, String name, ZoneId zone, Privacy privacy, String folderId, Profile profile,
                         RoomBinding binding) {

    public boolean bound() {
        return binding != null;
    }

    /**
     * Changes whenever anything the schedule depends on changes: the profile's version, and the binding's state
     * (its version restarts at 0 when a binding is deleted and made again, its update time does not).
     */
    public String version() {
        return profile.id + ":" + profile.version + ":" + (binding == null ? "-" : binding.etag());
    }
}
