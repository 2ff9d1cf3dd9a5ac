package io.calendargateway.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.calendargateway.simulator.CalendarEvent.Instance;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Microsoft Graph v1.0: calendarView (of the primary calendar and of any calendar) with {@code @odata.nextLink}
 * paging and {@code Prefer: outlook.timezone}, calendars, user search, room lists and rooms. All-day events stay
 * midnight-to-midnight "UTC" whatever the preferred time zone, as Graph does. More than 4 concurrent requests
 * per mailbox (or an injected fault) give 429 with Retry-After.
 */
final class GraphHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter GRAPH_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.0000000");
    private static final Pattern CALENDAR_VIEW = Pattern.compile("^/users/([^/]+)/calendar/calendarView/?$");
    private static final Pattern CALENDAR_VIEW_OF =
            Pattern.compile("^/users/([^/]+)/calendars/([^/]+)/calendarView/?$");
    private static final Pattern CALENDARS = Pattern.compile("^/users/([^/]+)/calendars/?$");
    private static final Pattern USER = Pattern.compile("^/users/([^/]+)/?$");
    private static final Pattern ROOMS_OF_LIST = Pattern.compile("^/places/([^/]+)/microsoft\\.graph\\.roomlist/rooms/?$");

    private final Scenario scenario;
    private final TokenService tokens;
    private final Faults faults;
    private final CallCounter calls;
    private final SimulatorOptions options;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    GraphHandler(Scenario scenario, TokenService tokens, Faults faults, CallCounter calls, SimulatorOptions options) {
        this.scenario = scenario;
        this.tokens = tokens;
        this.faults = faults;
        this.calls = calls;
        this.options = options;
    }

    /** The authenticated caller: tenant, roles (app) or scopes and user (delegated). */
    private record Caller(Tenant tenant, List<String> permissions, Account user) {
        boolean has(String permission) {
            return permissions.contains(permission);
        }
    }

    SimResponse handle(SimRequest req, String path) {
        String op = operationOf(path);
        Object auth = authenticate(req);
        if (auth instanceof SimResponse r) {
            return r.operation(op);
        }
        Caller caller = (Caller) auth;
        if (!"GET".equals(req.method())) {
            return error(405, "Request_BadRequest", "Only GET is supported by this endpoint.").operation(op);
        }
        String mailbox = mailboxOf(path);
        calls.record(op, mailbox);
        Integer injected = faults.graphThrottleFor(mailbox);
        if (injected != null) {
            return throttled(injected).operation(op);
        }
        AtomicInteger running = mailbox == null ? null
                : inFlight.computeIfAbsent(mailbox.toLowerCase(Locale.ROOT), k -> new AtomicInteger());
        try {
            if (running != null && running.incrementAndGet() > options.graphConcurrencyPerMailbox()) {
                return throttled(options.graphRetryAfterSeconds()).operation(op);
            }
            faults.sleep(op);
            SimResponse r = dispatch(req, path, caller).operation(op);
            r.latencyApplied = true;
            return r;
        } finally {
            if (running != null) {
                running.decrementAndGet();
            }
        }
    }

    private SimResponse dispatch(SimRequest req, String path, Caller caller) {
        Matcher m;
        if ((m = CALENDAR_VIEW.matcher(path)).matches()) {
            return calendarView(req, caller, decode(m.group(1)), null);
        }
        if ((m = CALENDAR_VIEW_OF.matcher(path)).matches()) {
            return calendarView(req, caller, decode(m.group(1)), decode(m.group(2)));
        }
        if ((m = CALENDARS.matcher(path)).matches()) {
            return calendars(req, caller, decode(m.group(1)));
        }
        if (path.equals("/users") || path.equals("/users/")) {
            return users(req, caller);
        }
        if ((m = USER.matcher(path)).matches()) {
            return user(req, caller, decode(m.group(1)));
        }
        if (path.equals("/places/microsoft.graph.roomlist")) {
            return roomLists(req, caller);
        }
        if (path.equals("/places/microsoft.graph.room")) {
            return rooms(req, caller, null);
        }
        if ((m = ROOMS_OF_LIST.matcher(path)).matches()) {
            return rooms(req, caller, decode(m.group(1)));
        }
        return error(400, "BadRequest", "Resource not found for the segment '" + path.substring(path.lastIndexOf('/') + 1)
                + "'.");
    }

    // ------------------------------------------------------------------ auth

    private Object authenticate(SimRequest req) {
        String authorization = req.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return error(401, "InvalidAuthenticationToken", "Access token is empty.")
                    .header("WWW-Authenticate", "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/"
                            + "common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
        }
        Optional<Map<String, Object>> claims = tokens.verify(authorization.substring(7).trim());
        if (claims.isEmpty()) {
            return error(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid signature.");
        }
        Map<String, Object> c = claims.get();
        if (tokens.expired(c)) {
            return error(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.");
        }
        if (!TokenService.GRAPH_AUDIENCE.equals(c.get("aud"))) {
            return error(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
        }
        Optional<Tenant> tenant = scenario.tenant(String.valueOf(c.get("tid")));
        if (tenant.isEmpty()) {
            return error(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid tenant.");
        }
        List<String> permissions = new ArrayList<>();
        if (c.get("roles") instanceof List<?> roles) {
            roles.forEach(r -> permissions.add(String.valueOf(r)));
        }
        Account user = null;
        if (c.get("scp") instanceof String scp) {
            permissions.addAll(List.of(scp.split(" ")));
            user = scenario.accountByUpn(String.valueOf(c.get("upn"))).orElse(null);
        }
        return new Caller(tenant.get(), permissions, user);
    }

    // ------------------------------------------------------------------ calendars

    private SimResponse calendarView(SimRequest req, Caller caller, String userId, String calendarId) {
        Object target = mailboxFor(caller, userId);
        if (target instanceof SimResponse r) {
            return r;
        }
        Mailbox mailbox = (Mailbox) target;
        if (!caller.has("Calendars.Read") && !caller.has("Calendars.ReadBasic.All")
                && !caller.has("Calendars.ReadBasic")) {
            return error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        }
        CalendarFolder folder = mailbox.calendar();
        if (calendarId != null) {
            folder = allFolders(mailbox).stream().filter(f -> graphId(f.folderId()).equals(calendarId)).findFirst()
                    .orElse(null);
            if (folder == null) {
                return error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
            }
        }
        Map<String, String> q = req.query();
        Instant from = parseGraphTime(q.get("startDateTime"));
        Instant to = parseGraphTime(q.get("endDateTime"));
        if (from == null || to == null) {
            return error(400, "ErrorInvalidParameter", "This request requires a time window specified by the query"
                    + " string parameters StartDateTime and EndDateTime.");
        }
        String preferredZone = preference(req, "outlook.timezone");
        ZoneId zone = preferredZone == null ? ZoneOffset.UTC : WindowsZones.fromAny(preferredZone);
        if (zone == null) {
            return error(400, "TimeZoneNotSupportedException", "A valid TimeZone value must be specified. The"
                    + " following TimeZone value is not supported: '" + preferredZone + "'.");
        }
        String zoneLabel = preferredZone == null ? "UTC" : preferredZone;
        List<Instance> all = new ArrayList<>();
        for (CalendarEvent e : folder.events()) {
            all.addAll(e.instances(from, to));
        }
        all.sort(Comparator.comparing(Instance::start));
        int pageSize = pageSize(req, q, options.graphPageSize());
        int skip = q.containsKey("$skip") ? Integer.parseInt(q.get("$skip")) : 0;
        List<Instance> page = skip >= all.size() ? List.of() : all.subList(skip, Math.min(all.size(), skip + pageSize));
        Set<String> select = select(q);
        List<Map<String, Object>> values = new ArrayList<>();
        for (Instance i : page) {
            values.add(selected(event(i, mailbox, zone, zoneLabel), select));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", req.baseUrl() + "/v1.0/$metadata#users('" + encode(userId) + "')/"
                + (calendarId == null ? "calendar" : "calendars('" + calendarId + "')") + "/calendarView");
        body.put("value", values);
        if (skip + page.size() < all.size()) {
            Map<String, String> next = new LinkedHashMap<>(q);
            next.put("$skip", String.valueOf(skip + page.size()));
            body.put("@odata.nextLink", req.baseUrl() + req.path() + "?" + query(next));
        }
        SimResponse r = json(200, body);
        if (preferredZone != null) {
            r.header("Preference-Applied", "outlook.timezone=\"" + preferredZone + "\"");
        }
        return r;
    }

    private Map<String, Object> event(Instance i, Mailbox mailbox, ZoneId zone, String zoneLabel) {
        CalendarEvent e = i.event();
        String id = graphId(i.itemId());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@odata.etag", "W/\"" + Ids.changeKey(id + e.subject()) + "\"");
        m.put("id", id);
        m.put("createdDateTime", e.created().toString());
        m.put("lastModifiedDateTime", e.created().toString());
        m.put("changeKey", Ids.changeKey(id + e.subject()));
        m.put("categories", List.of());
        m.put("transactionId", null);
        m.put("originalStartTimeZone", WindowsZones.id(e.zone()));
        m.put("originalEndTimeZone", WindowsZones.id(e.zone()));
        m.put("iCalUId", e.uid());
        m.put("reminderMinutesBeforeStart", 15);
        m.put("isReminderOn", false);
        m.put("hasAttachments", false);
        m.put("subject", i.subject());
        m.put("bodyPreview", "");
        m.put("importance", "normal");
        m.put("sensitivity", switch (e.sensitivity()) {
            case NORMAL -> "normal";
            case PERSONAL -> "personal";
            case PRIVATE -> "private";
            case CONFIDENTIAL -> "confidential";
        });
        m.put("isAllDay", e.allDay());
        m.put("isCancelled", e.isCancelled());
        m.put("isOrganizer", !e.isMeeting());
        m.put("responseRequested", true);
        m.put("seriesMasterId", i.type() == CalendarEvent.InstanceType.SINGLE ? null : graphId(e.itemId(null)));
        m.put("showAs", switch (i.showAs()) {
            case FREE -> "free";
            case TENTATIVE -> "tentative";
            case BUSY -> "busy";
            case OOF -> "oof";
            case WORKING_ELSEWHERE -> "workingElsewhere";
        });
        m.put("type", switch (i.type()) {
            case SINGLE -> "singleInstance";
            case OCCURRENCE -> "occurrence";
            case EXCEPTION -> "exception";
        });
        m.put("webLink", "https://outlook.office365.com/owa/?itemid=" + encode(id) + "&exvsurl=1&path=/calendar/item");
        m.put("onlineMeetingUrl", null);
        m.put("isOnlineMeeting", false);
        m.put("onlineMeetingProvider", "unknown");
        m.put("allowNewTimeProposals", true);
        m.put("occurrenceId", i.type() == CalendarEvent.InstanceType.SINGLE ? null
                : "OID." + graphId(e.itemId(null)) + "." + i.occurrenceDate());
        m.put("isDraft", false);
        m.put("hideAttendees", false);
        m.put("responseStatus", Map.of("response", e.isMeeting() ? "accepted" : "organizer", "time",
                e.created().toString()));
        m.put("body", Map.of("contentType", "html", "content", ""));
        if (e.allDay()) {
            LocalDateTime s = i.start().atZone(e.zone()).toLocalDate().atStartOfDay();
            LocalDateTime en = i.end().atZone(e.zone()).toLocalDate().atStartOfDay();
            m.put("start", Map.of("dateTime", GRAPH_LOCAL.format(s), "timeZone", "UTC"));
            m.put("end", Map.of("dateTime", GRAPH_LOCAL.format(en), "timeZone", "UTC"));
        } else {
            m.put("start", Map.of("dateTime", GRAPH_LOCAL.format(i.start().atZone(zone)), "timeZone", zoneLabel));
            m.put("end", Map.of("dateTime", GRAPH_LOCAL.format(i.end().atZone(zone)), "timeZone", zoneLabel));
        }
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("displayName", i.location() == null ? "" : i.location());
        location.put("locationType", "default");
        if (i.location() != null) {
            location.put("uniqueId", i.location());
            location.put("uniqueIdType", "private");
        } else {
            location.put("uniqueIdType", "unknown");
        }
        m.put("location", location);
        m.put("locations", i.location() == null ? List.of() : List.of(location));
        m.put("recurrence", null);
        m.put("attendees", List.of());
        String orgName = e.organizer() != null ? e.organizer().name() : mailbox.displayName();
        String orgMail = e.organizer() != null ? e.organizer().smtp() : mailbox.smtp();
        m.put("organizer", Map.of("emailAddress", Map.of("name", orgName, "address", orgMail)));
        m.put("onlineMeeting", null);
        return m;
    }

    private SimResponse calendars(SimRequest req, Caller caller, String userId) {
        Object target = mailboxFor(caller, userId);
        if (target instanceof SimResponse r) {
            return r;
        }
        Mailbox mailbox = (Mailbox) target;
        if (!caller.has("Calendars.Read") && !caller.has("Calendars.ReadBasic.All")) {
            return error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        }
        List<Map<String, Object>> values = new ArrayList<>();
        for (CalendarFolder f : allFolders(mailbox)) {
            Map<String, Object> c = new LinkedHashMap<>();
            String id = graphId(f.folderId());
            c.put("id", id);
            c.put("name", f.name());
            c.put("color", "auto");
            c.put("hexColor", "");
            c.put("isDefaultCalendar", f == mailbox.calendar());
            c.put("changeKey", Ids.folderChangeKey(id));
            c.put("canShare", false);
            c.put("canViewPrivateItems", true);
            c.put("canEdit", false);
            c.put("allowedOnlineMeetingProviders", List.of("teamsForBusiness"));
            c.put("defaultOnlineMeetingProvider", "teamsForBusiness");
            c.put("isTallyingResponses", f == mailbox.calendar());
            c.put("isRemovable", f != mailbox.calendar());
            c.put("owner", Map.of("name", mailbox.displayName(), "address", mailbox.smtp()));
            values.add(selected(c, select(req.query())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", req.baseUrl() + "/v1.0/$metadata#users('" + encode(userId) + "')/calendars");
        body.put("value", values);
        return json(200, body);
    }

    // ------------------------------------------------------------------ directory

    private SimResponse users(SimRequest req, Caller caller) {
        if (!caller.has("User.Read.All") && !caller.has("User.ReadBasic.All") && !caller.has("Directory.Read.All")) {
            return error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        }
        Map<String, String> q = req.query();
        String search = q.get("$search");
        if (search != null && !"eventual".equalsIgnoreCase(req.header("ConsistencyLevel"))) {
            return error(400, "Request_UnsupportedQuery", "Request with $search query parameter only works through"
                    + " MSGraph with a special request header: 'ConsistencyLevel: eventual'");
        }
        List<Mailbox> matches = new ArrayList<>();
        for (Mailbox m : scenario.mailboxesOf(caller.tenant())) {
            if (matchesSearch(m, search) && matchesFilter(m, q.get("$filter"))) {
                matches.add(m);
            }
        }
        matches.sort(Comparator.comparing(m -> m.displayName().toLowerCase(Locale.ROOT)));
        int top = Math.min(999, pageSize(req, q, 100));
        int skip = q.containsKey("$skiptoken") ? skipFromToken(q.get("$skiptoken")) : 0;
        List<Mailbox> page = skip >= matches.size() ? List.of()
                : matches.subList(skip, Math.min(matches.size(), skip + top));
        Set<String> select = select(q);
        List<Map<String, Object>> values = new ArrayList<>();
        for (Mailbox m : page) {
            values.add(selected(userJson(m), select));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", req.baseUrl() + "/v1.0/$metadata#users");
        if (q.containsKey("$count") || search != null) {
            body.put("@odata.count", matches.size());
        }
        body.put("value", values);
        if (skip + page.size() < matches.size()) {
            Map<String, String> next = new LinkedHashMap<>(q);
            next.put("$skiptoken", skipToken(skip + page.size()));
            body.put("@odata.nextLink", req.baseUrl() + "/v1.0/users?" + query(next));
        }
        return json(200, body);
    }

    private SimResponse user(SimRequest req, Caller caller, String userId) {
        Object target = mailboxFor(caller, userId);
        if (target instanceof SimResponse r) {
            return r;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", req.baseUrl() + "/v1.0/$metadata#users/$entity");
        body.putAll(selected(userJson((Mailbox) target), select(req.query())));
        return json(200, body);
    }

    private static Map<String, Object> userJson(Mailbox m) {
        Map<String, Object> u = new LinkedHashMap<>();
        String[] names = m.displayName().split(" ", 2);
        boolean person = m.type() == Mailbox.Type.USER;
        u.put("businessPhones", List.of());
        u.put("displayName", m.displayName());
        u.put("givenName", person ? names[0] : null);
        u.put("jobTitle", null);
        u.put("mail", m.smtp());
        u.put("mobilePhone", null);
        u.put("officeLocation", m.building());
        u.put("preferredLanguage", null);
        u.put("surname", person && names.length > 1 ? names[1] : null);
        u.put("userPrincipalName", m.smtp());
        u.put("id", m.objectId());
        return u;
    }

    private SimResponse roomLists(SimRequest req, Caller caller) {
        if (!caller.has("Place.Read.All")) {
            return error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        }
        List<Map<String, Object>> values = new ArrayList<>();
        for (RoomList r : scenario.roomListsOf(caller.tenant())) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("@odata.type", "#microsoft.graph.roomList");
            l.put("id", r.objectId());
            l.put("displayName", r.displayName());
            l.put("address", null);
            l.put("geoCoordinates", null);
            l.put("phone", null);
            l.put("emailAddress", r.smtp());
            values.add(l);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", req.baseUrl() + "/v1.0/$metadata#places/microsoft.graph.roomList");
        body.put("value", values);
        return json(200, body);
    }

    private SimResponse rooms(SimRequest req, Caller caller, String listId) {
        if (!caller.has("Place.Read.All")) {
            return error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        }
        List<Mailbox> rooms;
        String context;
        if (listId == null) {
            rooms = scenario.mailboxesOf(caller.tenant()).stream().filter(m -> m.type() == Mailbox.Type.ROOM).toList();
            context = "places/microsoft.graph.room";
        } else {
            Optional<RoomList> list = scenario.roomListsOf(caller.tenant()).stream()
                    .filter(r -> r.smtp().equalsIgnoreCase(listId) || r.objectId().equals(listId)).findFirst();
            if (list.isEmpty()) {
                return error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
            }
            rooms = list.get().rooms().stream().flatMap(r -> scenario.mailbox(r).stream()).toList();
            context = "places('" + encode(listId) + "')/microsoft.graph.roomList/rooms";
        }
        List<Map<String, Object>> values = new ArrayList<>();
        for (Mailbox m : rooms) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("@odata.type", "#microsoft.graph.room");
            r.put("id", m.objectId());
            r.put("emailAddress", m.smtp());
            r.put("displayName", m.displayName());
            r.put("address", null);
            r.put("geoCoordinates", null);
            r.put("phone", "");
            r.put("nickname", m.displayName());
            r.put("building", m.building());
            r.put("floorNumber", null);
            r.put("floorLabel", null);
            r.put("label", null);
            r.put("capacity", m.capacity());
            r.put("bookingType", "standard");
            r.put("audioDeviceName", null);
            r.put("videoDeviceName", null);
            r.put("displayDeviceName", null);
            r.put("isWheelChairAccessible", false);
            r.put("tags", List.of());
            values.add(r);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", req.baseUrl() + "/v1.0/$metadata#" + context);
        body.put("value", values);
        return json(200, body);
    }

    // ------------------------------------------------------------------ helpers

    private Object mailboxFor(Caller caller, String userId) {
        Optional<Mailbox> m = scenario.mailboxesOf(caller.tenant()).stream()
                .filter(x -> x.smtp().equalsIgnoreCase(userId) || x.objectId().equalsIgnoreCase(userId)).findFirst();
        if (m.isEmpty()) {
            return error(404, "ErrorInvalidUser", "The requested user '" + userId + "' is invalid.");
        }
        if (caller.user() != null && !caller.user().isDelegateOf(m.get())) {
            return error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        }
        return m.get();
    }

    private static List<CalendarFolder> allFolders(Mailbox m) {
        return Stream.concat(Stream.of(m.calendar()), m.calendar().descendants().stream()).toList();
    }

    private String mailboxOf(String path) {
        if (path.startsWith("/users/")) {
            String rest = path.substring("/users/".length());
            int slash = rest.indexOf('/');
            String id = decode(slash < 0 ? rest : rest.substring(0, slash));
            return scenario.mailboxes().stream().filter(m -> m.objectId().equalsIgnoreCase(id)).map(Mailbox::smtp)
                    .findFirst().orElse(id.toLowerCase(Locale.ROOT));
        }
        return null;
    }

    private static String operationOf(String path) {
        if (path.endsWith("/calendarView") || path.endsWith("/calendarView/")) {
            return "calendarView";
        }
        if (path.endsWith("/calendars") || path.endsWith("/calendars/")) {
            return "calendars";
        }
        if (path.startsWith("/places")) {
            return "places";
        }
        return "users";
    }

    private static boolean matchesSearch(Mailbox m, String search) {
        if (search == null) {
            return true;
        }
        String s = search.replace("\"", "").trim();
        String field = "displayName";
        int colon = s.indexOf(':');
        if (colon > 0) {
            field = s.substring(0, colon);
            s = s.substring(colon + 1);
        }
        String value = s.toLowerCase(Locale.ROOT);
        String target = ("mail".equalsIgnoreCase(field) || "userPrincipalName".equalsIgnoreCase(field) ? m.smtp()
                : m.displayName()).toLowerCase(Locale.ROOT);
        for (String token : target.split("[\\s@.\\-()]+")) {
            if (token.startsWith(value)) {
                return true;
            }
        }
        return target.startsWith(value);
    }

    private static final Pattern STARTSWITH = Pattern.compile("startswith\\((\\w+),\\s*'([^']*)'\\)",
            Pattern.CASE_INSENSITIVE);

    private static boolean matchesFilter(Mailbox m, String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        Matcher matcher = STARTSWITH.matcher(filter);
        boolean any = false;
        while (matcher.find()) {
            any = true;
            String field = matcher.group(1);
            String value = matcher.group(2).toLowerCase(Locale.ROOT);
            String target = "displayName".equalsIgnoreCase(field) ? m.displayName() : m.smtp();
            if (target.toLowerCase(Locale.ROOT).startsWith(value)) {
                return true;
            }
        }
        return !any;
    }

    private static int pageSize(SimRequest req, Map<String, String> q, int dflt) {
        if (q.containsKey("$top")) {
            return Math.max(1, Math.min(1000, Integer.parseInt(q.get("$top"))));
        }
        String max = preference(req, "odata.maxpagesize");
        return max != null ? Math.max(1, Integer.parseInt(max)) : dflt;
    }

    /** A value from the Prefer header(s), e.g. outlook.timezone="W. Europe Standard Time". */
    private static String preference(SimRequest req, String name) {
        for (String header : req.headerValues("Prefer")) {
            for (String part : header.split(",")) {
                String p = part.trim();
                if (p.regionMatches(true, 0, name + "=", 0, name.length() + 1)) {
                    return p.substring(name.length() + 1).replace("\"", "").trim();
                }
            }
        }
        return null;
    }

    private static Set<String> select(Map<String, String> q) {
        String s = q.get("$select");
        if (s == null || s.isBlank()) {
            return null;
        }
        return Set.of(s.split(","));
    }

    private static Map<String, Object> selected(Map<String, Object> full, Set<String> select) {
        if (select == null) {
            return full;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        full.forEach((k, v) -> {
            if (k.startsWith("@odata") || k.equals("id") || select.contains(k)) {
                m.put(k, v);
            }
        });
        return m;
    }

    static Instant parseGraphTime(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        // an unencoded '+' of an offset arrives as a space
        return EwsOperations.parseDateTime(raw.trim().replace(' ', '+'));
    }

    static String graphId(String ewsId) {
        return ewsId.replace('/', '-').replace('+', '_');
    }

    private static String skipToken(int offset) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int skipFromToken(String token) {
        try {
            String s = new String(java.util.Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return Integer.parseInt(s.substring("offset:".length()));
        } catch (Exception e) {
            return 0;
        }
    }

    private static String query(Map<String, String> q) {
        StringBuilder sb = new StringBuilder();
        q.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(k.startsWith("$") ? k : encode(k)).append('=').append(encode(v));
        });
        return sb.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private SimResponse throttled(int retryAfter) {
        return error(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.")
                .header("Retry-After", String.valueOf(retryAfter));
    }

    private SimResponse error(int status, String code, String message) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("date", options.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        inner.put("request-id", UUID.randomUUID().toString());
        inner.put("client-request-id", UUID.randomUUID().toString());
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("code", code);
        err.put("message", message);
        err.put("innerError", inner);
        return json(status, Map.of("error", err));
    }

    private static SimResponse json(int status, Map<String, Object> body) {
        try {
            return SimResponse.json(status, JSON.writeValueAsString(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
