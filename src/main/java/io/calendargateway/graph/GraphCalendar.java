package io.calendargateway.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.calendargateway.config.GraphConfig;
import io.calendargateway.graph.GraphClient.Session;
import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileKind;
import io.calendargateway.upstream.Appointment;
import io.calendargateway.upstream.CalendarBackend;
import io.calendargateway.upstream.FolderNode;
import io.calendargateway.upstream.Hints;
import io.calendargateway.upstream.NameSearch;
import io.calendargateway.upstream.Recipient;
import io.calendargateway.upstream.RoomDirectory;
import io.calendargateway.upstream.RoomList;
import io.calendargateway.upstream.UpstreamException;
import io.calendargateway.upstream.UpstreamFailure;
import io.calendargateway.upstream.UpstreamFailure.Kind;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Room calendars and the directory over Microsoft Graph: {@code calendarView} of the primary or a bound calendar,
 * every page followed; room lists and rooms from {@code /places}; name search through {@code /users}, equipment
 * told apart by {@code mailboxSettings.userPurpose}; a mailbox's calendars as a one-level tree (Graph has no nested
 * calendar folders) with each calendar's item count. Requests go through {@link GraphClient} (per-mailbox limits,
 * paging on the profile's host only).
 */
@ApplicationScoped
public class GraphCalendar implements CalendarBackend {

    /** What door signs need of an event, nothing more (bodies and attendees are large). */
    static final String EVENT_FIELDS = "id,subject,organizer,start,end,isAllDay,showAs,sensitivity,isCancelled,"
            + "type,seriesMasterId,location";
    /** Times in UTC; all-day events come back midnight-to-midnight "UTC" whatever this says. */
    static final Map<String, String> IN_UTC = Map.of("Prefer", "outlook.timezone=\"UTC\"");
    /** Graph's largest page of places and users. */
    private static final String DIRECTORY_PAGE = "100";

    private final GraphClient graph;
    private final int pageSize;

    public GraphCalendar(GraphClient graph, GraphConfig config) {
        this.graph = graph;
        this.pageSize = config.pageSize();
    }

    @Override
    public ProfileKind kind() {
        return ProfileKind.GRAPH;
    }

    @Override
    public List<Appointment> appointments(Profile profile, String mailbox, String folderId, Instant from,
                                          Instant to) {
        String calendar = folderId == null ? "/calendar" : "/calendars/" + GraphClient.segment(folderId);
        List<JsonNode> items;
        try {
            items = graph.call(profile, mailbox, "calendarView", session -> session.all(
                    user(mailbox) + calendar + "/calendarView",
                    GraphClient.query("startDateTime", from.toString(), "endDateTime", to.toString(),
                            "$select", EVENT_FIELDS, "$top", String.valueOf(pageSize)), IN_UTC));
        } catch (UpstreamException e) {
            throw aboutMailbox(mailbox, e);
        }
        // paging by offset may repeat an item when the calendar changes between pages
        Map<String, Appointment> byId = new LinkedHashMap<>();
        for (JsonNode item : items) {
            Appointment appointment = GraphEvents.toAppointment(item);
            if (appointment != null && appointment.overlaps(from, to)) {
                byId.putIfAbsent(appointment.id(), appointment);
            }
        }
        return List.copyOf(byId.values());
    }

    @Override
    public RoomDirectory rooms(Profile profile) {
        return needs("Place.Read.All", () -> graph.call(profile, null, "places", session -> {
            List<RoomList> lists = new ArrayList<>();
            for (JsonNode list : session.all("/places/microsoft.graph.roomList",
                    GraphClient.query("$top", DIRECTORY_PAGE), Map.of())) {
                String listMail = mail(list.path("emailAddress").asText(null));
                if (listMail == null) {
                    continue;
                }
                List<RoomList.Room> rooms = rooms(session.all("/places/" + GraphClient.segment(listMail)
                        + "/microsoft.graph.roomList/rooms", GraphClient.query("$top", DIRECTORY_PAGE), Map.of()));
                lists.add(new RoomList(listMail, name(list.path("displayName").asText(null), listMail), rooms));
            }
            List<RoomList.Room> all = rooms(session.all("/places/microsoft.graph.room",
                    GraphClient.query("$top", DIRECTORY_PAGE), Map.of()));
            return RoomDirectory.withRooms(lists, all);
        }));
    }

    @Override
    public NameSearch searchDirectory(Profile profile, String search) {
        String literal = "'" + search.replace("'", "''") + "'";
        return needs("User.Read.All", () -> graph.call(profile, null, "users", session -> {
            JsonNode page = session.get("/users", GraphClient.query(
                    "$filter", "startswith(displayName," + literal + ") or startswith(mail," + literal + ")",
                    "$select", "id,displayName,mail,userPrincipalName",
                    "$top", DIRECTORY_PAGE), Map.of());
            // a token that is no JWT cannot be read: ask, and take a refusal as "unclassified"
            GraphPermissions permissions = session.permissions();
            boolean purposes = permissions == null || permissions.canReadMailboxSettings();
            List<Recipient> found = new ArrayList<>();
            boolean throttled = false;
            for (JsonNode user : page.path("value")) {
                String mail = mail(user.path("mail").asText(null));
                if (mail == null) {
                    continue; // no mailbox: nothing a door sign could show
                }
                Recipient.Type type = Recipient.Type.MAILBOX;
                if (purposes && !throttled) {
                    try {
                        type = purpose(session, user.path("id").asText(mail));
                    } catch (UpstreamException e) {
                        // out of the app's scope, or gone: the mailbox stays unclassified
                        throttled = e.failure().kind() == Kind.THROTTLED;
                    }
                }
                found.add(new Recipient(mail, name(user.path("displayName").asText(null), mail), type));
            }
            return new NameSearch(found, !page.hasNonNull("@odata.nextLink"));
        }));
    }

    /**
     * A directory call refused for lack of {@code permission}: Graph's 403 says only "access denied", the hint
     * names what to grant (unless consent is missing altogether, which has its own hint).
     */
    private static <T> T needs(String permission, Supplier<T> call) {
        try {
            return call.get();
        } catch (UpstreamException e) {
            UpstreamFailure f = e.failure();
            if (f.kind() != Kind.FORBIDDEN || Hints.NO_ROLES.equals(f.hint())) {
                throw e;
            }
            throw new UpstreamException(f.withHint("Grant the app the " + permission + " application permission "
                    + "(Microsoft Graph) and admin consent for it."), e);
        }
    }

    @Override
    public FolderNode calendarFolders(Profile profile, String mailbox) {
        try {
            return graph.call(profile, mailbox, "calendars", session -> tree(session, mailbox));
        } catch (UpstreamException e) {
            throw aboutMailbox(mailbox, e);
        }
    }

    /** The default calendar as the root, every other calendar as its child; each with its item count. */
    private static FolderNode tree(Session session, String mailbox) {
        List<JsonNode> calendars = session.all(user(mailbox) + "/calendars",
                GraphClient.query("$select", "id,name,isDefaultCalendar", "$top", DIRECTORY_PAGE), Map.of());
        if (calendars.isEmpty()) {
            throw new UpstreamException(new UpstreamFailure(Kind.EXCHANGE_ERROR, "NO_CALENDAR", "Graph lists no "
                    + "calendar for " + mailbox, null), null);
        }
        JsonNode root = calendars.stream().filter(c -> c.path("isDefaultCalendar").asBoolean(false)).findFirst()
                .orElse(calendars.get(0));
        List<FolderNode> children = new ArrayList<>();
        for (JsonNode calendar : calendars) {
            if (calendar != root) {
                children.add(node(session, mailbox, calendar, List.of()));
            }
        }
        return node(session, mailbox, root, children);
    }

    private static FolderNode node(Session session, String mailbox, JsonNode calendar, List<FolderNode> children) {
        String id = calendar.path("id").asText();
        JsonNode counted = session.get(user(mailbox) + "/calendars/" + GraphClient.segment(id) + "/events",
                GraphClient.query("$count", "true", "$top", "1", "$select", "id"), Map.of());
        Integer count = counted.path("@odata.count").canConvertToInt() ? counted.path("@odata.count").asInt() : null;
        return new FolderNode(id, calendar.path("name").asText(id), count, children.size(), children);
    }

    /** What {@code mailboxSettings.userPurpose} says the mailbox is. */
    private static Recipient.Type purpose(Session session, String userId) {
        JsonNode settings = session.get(user(userId) + "/mailboxSettings",
                GraphClient.query("$select", "userPurpose"), Map.of());
        return switch (settings.path("userPurpose").asText("").toLowerCase(Locale.ROOT)) {
            case "room" -> Recipient.Type.ROOM;
            case "equipment" -> Recipient.Type.EQUIPMENT;
            default -> Recipient.Type.MAILBOX;
        };
    }

    private static List<RoomList.Room> rooms(List<JsonNode> places) {
        Map<String, RoomList.Room> rooms = new LinkedHashMap<>();
        for (JsonNode place : places) {
            String mail = mail(place.path("emailAddress").asText(null));
            if (mail != null) {
                rooms.putIfAbsent(mail, new RoomList.Room(mail, name(place.path("displayName").asText(null), mail)));
            }
        }
        return List.copyOf(rooms.values());
    }

    private static String user(String mailbox) {
        return "/users/" + GraphClient.segment(mailbox);
    }

    private static String mail(String raw) {
        return raw == null || raw.isBlank() || !raw.contains("@") ? null : raw.strip().toLowerCase(Locale.ROOT);
    }

    private static String name(String raw, String fallback) {
        return raw == null || raw.isBlank() ? fallback : raw;
    }

    /** The failure of a call about one mailbox, its message naming that mailbox. */
    private static UpstreamException aboutMailbox(String mailbox, UpstreamException e) {
        UpstreamFailure f = e.failure();
        String message = switch (f.kind()) {
            case FORBIDDEN -> GraphErrors.isAccessPolicy(f.message())
                    ? "The app may not read " + mailbox + ": an application access policy or RBAC for Applications "
                            + "scope leaves it out"
                    : "Graph refused to read " + mailbox + " (" + f.message() + ")";
            case EXCHANGE_ERROR -> switch (f.code()) {
                case "ErrorInvalidUser", "ResourceNotFound", "Request_ResourceNotFound", "MailboxNotEnabledForRESTAPI"
                        -> "Graph knows no mailbox " + mailbox;
                case "ErrorItemNotFound", "ErrorInvalidIdMalformed" -> "Mailbox " + mailbox + " has no such calendar";
                default -> mailbox + ": " + f.message();
            };
            default -> null;
        };
        return message == null ? e : new UpstreamException(new UpstreamFailure(f.kind(), f.code(), message,
                f.backOffMillis(), f.hint()), e);
    }
}
