package io.calendargateway.upstream;

import java.util.List;

/**
 * A room list of the organisation (EWS: a distribution group marked as room list; Graph: a roomList place) and
 * its rooms, in the backend's order.
 *
 * @param mail the list's SMTP address, lower-case
 */
public record RoomList(String mail, String name, List<Room> rooms) {

    /** @param mail the room's SMTP address, lower-case */
    public record Room(String mail, String name) {
    }

    public RoomList {
        rooms = List.copyOf(rooms);
    }
}
