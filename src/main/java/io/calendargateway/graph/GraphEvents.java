package io.calendargateway.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.calendargateway.upstream.Appointment;
import io.calendargateway.upstream.Appointment.Sensitivity;
import io.calendargateway.upstream.Appointment.ShowAs;
import io.calendargateway.upstream.Appointment.Type;
import io.calendargateway.upstream.UpstreamException;
import io.calendargateway.upstream.UpstreamFailure;
import io.calendargateway.upstream.UpstreamFailure.Kind;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * One Graph event of a calendar view as an {@link Appointment}. Times arrive in UTC (we ask for it with
 * {@code Prefer: outlook.timezone}); all-day events arrive midnight-to-midnight "UTC" whatever was asked, so their
 * date part is taken as it is and never converted (converting would move the day west of UTC). Pure.
 */
final class GraphEvents {

    private GraphEvents() {
    }

    /** @return the appointment, or null for what a calendar view should not hold (a series master) */
    static Appointment toAppointment(JsonNode event) {
        String id = event.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw garbage("an event without id");
        }
        Type type = switch (event.path("type").asText("singleInstance")) {
            case "occurrence" -> Type.OCCURRENCE;
            case "exception" -> Type.EXCEPTION;
            case "seriesMaster" -> null;
            default -> Type.SINGLE;
        };
        if (type == null) {
            return null;
        }
        boolean allDay = event.path("isAllDay").asBoolean(false);
        Instant start;
        Instant end;
        ZoneId zone = null;
        if (allDay) {
            start = date(event.path("start")).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
            end = date(event.path("end")).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
            zone = ZoneOffset.UTC;
        } else {
            start = instant(event.path("start"));
            end = instant(event.path("end"));
        }
        if (end.isBefore(start)) {
            throw garbage("event " + id + " ends before it starts");
        }
        JsonNode organizer = event.path("organizer").path("emailAddress");
        String seriesId = type == Type.SINGLE ? null : event.path("seriesMasterId").asText(null);
        return new Appointment(id, seriesId, type, text(event.path("subject")), text(organizer.path("name")),
                smtp(text(organizer.path("address"))), start, end, allDay, zone, showAs(event.path("showAs")),
                sensitivity(event.path("sensitivity")), event.path("isCancelled").asBoolean(false),
                text(event.path("location").path("displayName")));
    }

    private static ShowAs showAs(JsonNode value) {
        return switch (value.asText("").toLowerCase(Locale.ROOT)) {
            case "free" -> ShowAs.FREE;
            case "tentative" -> ShowAs.TENTATIVE;
            case "busy" -> ShowAs.BUSY;
            case "oof" -> ShowAs.OOF;
            case "workingelsewhere" -> ShowAs.WORKING_ELSEWHERE;
            default -> ShowAs.UNKNOWN;
        };
    }

    private static Sensitivity sensitivity(JsonNode value) {
        return switch (value.asText("").toLowerCase(Locale.ROOT)) {
            case "personal" -> Sensitivity.PERSONAL;
            case "private" -> Sensitivity.PRIVATE;
            case "confidential" -> Sensitivity.CONFIDENTIAL;
            default -> Sensitivity.NORMAL;
        };
    }

    /** A dateTimeTimeZone as an instant: UTC as asked, or an IANA zone if Graph ignored the preference. */
    private static Instant instant(JsonNode dateTimeTimeZone) {
        LocalDateTime local = date(dateTimeTimeZone);
        String zone = dateTimeTimeZone.path("timeZone").asText("UTC");
        if (isUtc(zone)) {
            return local.toInstant(ZoneOffset.UTC);
        }
        try {
            return local.atZone(ZoneId.of(zone)).toInstant();
        } catch (DateTimeException e) {
            throw garbage("an event time in zone '" + zone + "' although UTC was asked for");
        }
    }

    private static LocalDateTime date(JsonNode dateTimeTimeZone) {
        String raw = dateTimeTimeZone.path("dateTime").asText(null);
        if (raw == null) {
            throw garbage("an event without start or end");
        }
        try {
            return LocalDateTime.parse(raw);
        } catch (DateTimeException e) {
            throw garbage("an event time that is not a date-time: '" + raw + "'");
        }
    }

    private static boolean isUtc(String zone) {
        String z = zone.toLowerCase(Locale.ROOT);
        return z.equals("utc") || z.equals("etc/utc") || z.equals("z") || z.equals("tzone://microsoft/utc")
                || z.equals("coordinated universal time");
    }

    private static String text(JsonNode value) {
        String text = value.isTextual() ? value.asText() : null;
        return text == null || text.isEmpty() ? null : text;
    }

    /** Graph gives SMTP addresses; anything else (an X.500 address of a migrated organizer) is not shown as mail. */
    private static String smtp(String address) {
        return address != null && address.contains("@") && !address.startsWith("/")
                ? address.toLowerCase(Locale.ROOT) : null;
    }

    private static UpstreamException garbage(String what) {
        return new UpstreamException(new UpstreamFailure(Kind.GARBAGE, "INVALID_RESPONSE",
                "Graph sent " + what, null), null);
    }
}
