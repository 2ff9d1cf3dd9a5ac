package io.calendargateway.upstream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rooms of an organisation as a backend knows them: its room lists with their rooms, and every mailbox it
 * confirms as a room (EWS: the rooms of the lists, nothing else can tell; Graph: every room place, listed or not).
 *
 * @param rooms every confirmed room, each once, in the backend's order
 */
public record RoomDirectory(List<RoomList> lists, List<RoomList.Room> rooms) {

    public RoomDirectory {
        lists = List.copyOf(lists);
        rooms = List.copyOf(rooms);
    }

    /** The rooms of the lists, the first list naming a room giving its name. */
    public static RoomDirectory ofLists(List<RoomList> lists) {
        return withRooms(lists, List.of());
    }

    /** The lists with their rooms first, then the other {@code rooms} not in any list. */
    public static RoomDirectory withRooms(List<RoomList> lists, List<RoomList.Room> rooms) {
        Map<String, RoomList.Room> all = new LinkedHashMap<>();
        lists.forEach(list -> list.rooms().forEach(room -> all.putIfAbsent(room.mail(), room)));
        rooms.forEach(room -> all.putIfAbsent(room.mail(), room));
        return new RoomDirectory(lists, List.copyOf(all.values()));
    }
}
