package io.calendargateway.simulator;

import java.time.ZoneId;
import java.util.Map;

/** Windows time zone ids and display names for the IANA zones scenarios use (EWS speaks Windows zone names). */
final class WindowsZones {

    private record Zone(String id, String display) {
    }

    private static final Map<String, Zone> ZONES = Map.ofEntries(
            Map.entry("Europe/Berlin", new Zone("W. Europe Standard Time",
                    "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna")),
            Map.entry("Europe/Vienna", new Zone("W. Europe Standard Time",
                    "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna")),
            Map.entry("Europe/Zurich", new Zone("W. Europe Standard Time",
                    "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna")),
            Map.entry("Europe/Paris", new Zone("Romance Standard Time",
                    "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris")),
            Map.entry("Europe/London", new Zone("GMT Standard Time",
                    "(UTC+00:00) Dublin, Edinburgh, Lisbon, London")),
            Map.entry("America/New_York", new Zone("Eastern Standard Time",
                    "(UTC-05:00) Eastern Time (US & Canada)")),
            Map.entry("America/Chicago", new Zone("Central Standard Time",
                    "(UTC-06:00) Central Time (US & Canada)")),
            Map.entry("America/Los_Angeles", new Zone("Pacific Standard Time",
                    "(UTC-08:00) Pacific Time (US & Canada)")),
            Map.entry("Asia/Kolkata", new Zone("India Standard Time",
                    "(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi")),
            Map.entry("Asia/Tokyo", new Zone("Tokyo Standard Time", "(UTC+09:00) Osaka, Sapporo, Tokyo")),
            Map.entry("Australia/Sydney", new Zone("AUS Eastern Standard Time",
                    "(UTC+10:00) Canberra, Melbourne, Sydney")),
            Map.entry("UTC", new Zone("UTC", "(UTC) Coordinated Universal Time")),
            Map.entry("Z", new Zone("UTC", "(UTC) Coordinated Universal Time")));

    private WindowsZones() {
    }

    static String id(ZoneId zone) {
        Zone z = ZONES.get(zone.getId());
        return z == null ? "UTC" : z.id();
    }

    static String display(ZoneId zone) {
        Zone z = ZONES.get(zone.getId());
        return z == null ? "(UTC) Coordinated Universal Time" : z.display();
    }

    /** IANA zone for a Windows id or IANA id (Graph's Prefer: outlook.timezone accepts both). */
    static ZoneId fromAny(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.trim();
        for (Map.Entry<String, Zone> e : ZONES.entrySet()) {
            if (e.getValue().id().equalsIgnoreCase(n)) {
                return ZoneId.of(e.getKey().equals("Z") ? "UTC" : e.getKey());
            }
        }
        try {
            return ZoneId.of(n);
        } catch (Exception e) {
            return null;
        }
    }
}
