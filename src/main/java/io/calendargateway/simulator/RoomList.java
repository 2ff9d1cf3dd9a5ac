package io.calendargateway.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A room list (a distribution group flagged as room list) and its member rooms, in order. */
public final class RoomList {

    private final String smtp;
    private final String displayName;
    private final List<String> rooms = new ArrayList<>();

    public RoomList(String smtp, String displayName, String... roomSmtps) {
        this.smtp = smtp.toLowerCase(Locale.ROOT);
        this.displayName = displayName;
        for (String r : roomSmtps) {
            rooms.add(r.toLowerCase(Locale.ROOT));
        }
    }

    public String smtp() {
        return smtp;
    }

    public String displayName() {
        return displayName;
    }

    public List<String> rooms() {
        return rooms;
    }

    public String objectId() {
        return Ids.guidFrom("roomlist:" + smtp);
    }
}
