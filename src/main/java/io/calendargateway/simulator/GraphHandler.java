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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Microsoft Graph v1.0: calendarView (of the primary calendar and of any calendar) with {@code @odata.nextLink}
 * paging and {@code Prefer: outlook.timezone}, events (series masters and single items, {@code $count}),
 * calendars, mailbox settings, user search, room lists and rooms. All-day events stay midnight-to-midnight "UTC"
 * whatever the preferred time zone, as Graph does. Path segments match case-insensitively, as Graph's do.
 * More than 4 concurrent requests per mailbox (or an injected fault) give 429 with Retry-After; an app under an
 * application access policy gets Exchange Online's RAOP 403 for mailboxes outside its policy group.
 */
final class GraphHandler {

    static final String ACCESS_DENIED = "Access is denied. Check credentials and try again.";
    /** What Exchange Online answers when an application access policy (RBAC for Applications) blocks the app. */
    static final String ACCESS_POLICY_DENIED =
            "Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.";
    private static final String[] CALENDAR_PERMISSIONS =
            {"Calendars.Read", "Calendars.ReadWrite", "Calendars.ReadBasic.All", "Calendars.ReadBasic"};
    private static final String[] SETTINGS_PERMISSIONS = {"MailboxSettings.Read", "MailboxSettings.ReadWrite"};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter GRAPH_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.0000000");

    /** The resources served, each with the operation name faults and counters use. */
    private enum Route {
        CALENDAR_VIEW("calendarView", "/users/([^/]+)(?:/calendar)?/calendarView"),
        CALENDAR_VIEW_OF("calendarView", "/users/([^/]+)/calendars/([^/]+)/calendarView"),
        EVENTS("events", "/users/([^/]+)(?:/calendar)?/events"),
        EVENTS_OF("events", "/users/([^/]+)/calendars/([^/]+)/events"),
        CALENDARS("calendars", "/users/([^/]+)/calendars"),
        MAILBOX_SETTINGS("mailboxSettings", "/users/([^/]+)/mailboxSettings"),
        USER_PURPOSE("mailboxSettings", "/users/([^/]+)/mailboxSettings/userPurpose"),
        USERS("users", "/users"),
        USER("users", "/users/([^/]+)"),
        ROOM_LISTS("places", "/places/microsoft\\.graph\\.roomList"),
        ROOMS("places", "/places/microsoft\\.graph\\.room"),
        ROOMS_OF_LIST("places", "/places/([^/]+)/microsoft\\.graph\\.roomList/rooms");

        final String operation;
        final Pattern pattern;

        Route(String operation, String path) {
            this.operation = operation;
            this.pattern = Pattern.compile("^" + path + "/?$", Pattern.CASE_INSENSITIVE);
        }
    }

    /** A matched route and its decoded path parameters (user id, calendar or list id). */
    private record Match(Route route, List<String> params) {
        static Match of(String path) {
            for (Route r : Route.values()) {
                Matcher m = r.pattern.matcher(path);
                if (m.matches()) {
                    List<String> params = new ArrayList<>();
                    for (int g = 1; g <= m.groupCount(); g++) {
                        params.add(decode(m.group(g)));
                    }
                    return new Match(r, params);
                }
            }
            return null;
        }

        String param(int i) {
            return i < params.size() ? params.get(i) : null;
        }
    }

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

    /** The authenticated caller: tenant, roles (app) or scopes and user (delegated), the app of the token. */
    private record Caller(Tenant tenant, List<String> permissions, Account user, OAuthApp app) {
        boolean hasAny(String... wanted) {
            for (String p : wanted) {
                if (permissions.contains(p)) {
                    return true;
                }
            }
            return false;
        }

        /** Application access policies bind app-only access; delegated calls follow the user's rights. */
        boolean policyBlocks(Mailbox m) {
            return user == null && app != null && !app.mayRead(m);
        }
    }

    SimResponse handle(SimRequest req, String path) {
        Match match = Match.of(path);
        String op = match == null ? null : match.route().operation;
        Object auth = authenticate(req);
        if (auth instanceof SimResponse r) {
            return r.operation(op);
        }
        Caller caller = (Caller) auth;
        if (!"GET".equals(req.method())) {
            return error(405, "Request_BadRequest", "Only GET is supported by this endpoint.").operation(op);
        }
        if (match == null) {
            return error(400, "BadRequest", "Resource not found for the segment '"
                    + path.substring(path.lastIndexOf('/') + 1) + "'.");
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
            SimResponse r = dispatch(req, match, caller).operation(op);
            r.latencyApplied = true;
            return r;
        } finally {
            if (running != null) {
                running.decrementAndGet();
            }
        }
    }

    private SimResponse dispatch(SimRequest req, Match m, Caller caller) {
        return switch (m.route()) {
            case CALENDAR_VIEW, CALENDAR_VIEW_OF -> calendarView(req, caller, m.param(0), m.param(1));
            case EVENTS, EVENTS_OF -> events(req, caller, m.param(0), m.param(1));
            case CALENDARS -> calendars(req, caller, m.param(0));
            case MAILBOX_SETTINGS -> mailboxSettings(req, caller, m.param(0), false);
            case USER_PURPOSE -> mailboxSettings(req, caller, m.param(0), true);
            case USERS -> users(req, caller);
            case USER -> user(req, caller, m.param(0));
            case ROOM_LISTS -> roomLists(req, caller);
            case ROOMS -> rooms(req, caller, null);
            case ROOMS_OF_LIST -> rooms(req, caller, m.param(0));
        };
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
        OAuthApp app = scenario.app(tenant.get(), String.valueOf(c.get("appid"))).orElse(null);
        return new Caller(tenant.get(), permissions, user, app);
    }

    // ------------------------------------------------------------------ calendars

    /** The zone of {@code Prefer: outlook.timezone} (UTC without it) and the label Graph writes into times. */
    private record Zone(ZoneId id, String label, String preferred) {
        SimResponse applied(SimResponse r) {
            return preferred == null ? r : r.header("Preference-Applied", "outlook.timezone=\"" + preferred + "\"");
        }
    }

    private SimResponse calendarView(SimRequest req, Caller caller, String userId, String calendarId) {
        Object target = calendarOf(caller, userId, calendarId);
        if (target instanceof SimResponse r) {
            return r;
        }
        CalendarFolder folder = (CalendarFolder) target;
        Map<String, String> q = req.query();
        Instant from = parseGraphTime(q.get("startDateTime"));
        Instant to = parseGraphTime(q.get("endDateTime"));
        if (from == null || to == null) {
            return error(400, "ErrorInvalidParameter", "This request requires a time window specified by the query"
                    + " string parameters StartDateTime and EndDateTime.");
        }
        Object zone = zone(req);
        if (zone instanceof SimResponse r) {
            return r;
        }
        Zone z = (Zone) zone;
        List<Instance> all = new ArrayList<>();
        for (CalendarEvent e : folder.events()) {
            all.addAll(e.instances(from, to));
        }
        all.sort(Comparator.comparing(Instance::start));
        String nextBase = faults.graphNextLinkBase(folder.mailbox().smtp());
        return z.applied(outlookPage(req, all, i -> event(i, folder.mailbox(), z),
                context(req, userId, calendarId, "calendarView"), nextBase));
    }

    /** Series masters and single items of one calendar, not expanded, as {@code /events} lists them. */
    private SimResponse events(SimRequest req, Caller caller, String userId, String calendarId) {
        Object target = calendarOf(caller, userId, calendarId);
        if (target instanceof SimResponse r) {
            return r;
        }
        CalendarFolder folder = (CalendarFolder) target;
        Object zone = zone(req);
        if (zone instanceof SimResponse r) {
            return r;
        }
        Zone z = (Zone) zone;
        return z.applied(outlookPage(req, folder.events(), e -> item(e, folder.mailbox(), z),
                context(req, userId, calendarId, "events"), null));
    }

    /** The calendar folder a calendarView or events request reads, or the error Graph answers. */
    private Object calendarOf(Caller caller, String userId, String calendarId) {
        Object target = mailboxData(caller, userId, CALENDAR_PERMISSIONS);
        if (target instanceof SimResponse r) {
            return r;
        }
        Mailbox mailbox = (Mailbox) target;
        if (calendarId == null) {
            return mailbox.calendar();
        }
        return allFolders(mailbox).stream().filter(f -> graphId(f.folderId()).equals(calendarId)).findFirst()
                .<Object>map(f -> f)
                .orElseGet(() -> error(404, "ErrorItemNotFound", "The specified object was not found in the store."));
    }

    private Object zone(SimRequest req) {
        String preferred = preference(req, "outlook.timezone");
        if (preferred == null) {
            return new Zone(ZoneOffset.UTC, "UTC", null);
        }
        ZoneId zone = WindowsZones.fromAny(preferred);
        if (zone == null) {
            return error(400, "TimeZoneNotSupportedException", "A valid TimeZone value must be specified. The"
                    + " following TimeZone value is not supported: '" + preferred + "'.");
        }
        return new Zone(zone, preferred, preferred);
    }

    private static String context(SimRequest req, String userId, String calendarId, String collection) {
        return req.baseUrl() + "/v1.0/$metadata#users('" + encode(userId) + "')/"
                + (calendarId == null ? "calendar" : "calendars('" + calendarId + "')") + "/" + collection;
    }

    /**
     * One page of an Outlook collection: {@code $top} (at most 1000) or {@code Prefer: odata.maxpagesize}, else
     * the default page size; {@code $skip} in the nextLink; {@code @odata.count} for {@code $count=true}.
     * {@code nextBase} replaces this simulator's base in the nextLink (a fault), null for ours.
     */
    private <T> SimResponse outlookPage(SimRequest req, List<T> all, Function<T, Map<String, Object>> toJson,
            String context, String nextBase) {
        Map<String, String> q = req.query();
        int pageSize = pageSize(req, q, options.graphPageSize());
        int skip = q.containsKey("$skip") ? Integer.parseInt(q.get("$skip")) : 0;
        List<T> page = skip >= all.size() ? List.of() : all.subList(skip, Math.min(all.size(), skip + pageSize));
        Set<String> select = select(q);
        List<Map<String, Object>> values = new ArrayList<>();
        for (T item : page) {
            values.add(selected(toJson.apply(item), select));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", context);
        if ("true".equalsIgnoreCase(q.get("$count"))) {
            body.put("@odata.count", all.size());
        }
        body.put("value", values);
        if (skip + page.size() < all.size()) {
            Map<String, String> next = new LinkedHashMap<>(q);
            next.put("$skip", String.valueOf(skip + page.size()));
            body.put("@odata.nextLink", (nextBase != null ? nextBase : req.baseUrl()) + req.path() + "?" + query(next));
        }
        return json(200, body);
    }

    /** An item as {@code /events} shows it: a single item, or a series master with its recurrence. */
    private Map<String, Object> item(CalendarEvent e, Mailbox mailbox, Zone zone) {
        Instance own = new Instance(e, CalendarEvent.InstanceType.SINGLE, e.start().atZone(e.zone()).toInstant(),
                e.end().atZone(e.zone()).toInstant(), null, null, e.subject(), e.location(), e.showAs());
        Map<String, Object> m = event(own, mailbox, zone);
        if (e.isRecurring()) {
            m.put("type", "seriesMaster");
            m.put("recurrence", recurrence(e));
        }
        return m;
    }

    private static Map<String, Object> recurrence(CalendarEvent e) {
        Recurrence r = e.recurrence();
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("type", r.pattern() == Recurrence.Pattern.DAILY ? "daily" : "weekly");
        pattern.put("interval", r.interval());
        pattern.put("month", 0);
        pattern.put("dayOfMonth", 0);
        if (r.pattern() == Recurrence.Pattern.WEEKLY) {
            pattern.put("daysOfWeek", r.days().stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList());
        }
        pattern.put("firstDayOfWeek", "sunday");
        pattern.put("index", "first");
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("type", r.until() != null ? "endDate" : "numbered");
        range.put("startDate", e.start().toLocalDate().toString());
        range.put("endDate", r.until() != null ? r.until().toString() : "0001-01-01");
        range.put("recurrenceTimeZone", WindowsZones.id(e.zone()));
        range.put("numberOfOccurrences", r.count());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pattern", pattern);
        m.put("range", range);
        return m;
    }

    /** An event as calendarView shows it (and, via {@link #item}, as events does). */
    private Map<String, Object> event(Instance i, Mailbox mailbox, Zone zone) {
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
        m.put("iCalUId", i.iCalUId());
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
            m.put("start", Map.of("dateTime", GRAPH_LOCAL.format(i.start().atZone(zone.id())), "timeZone",
                    zone.label()));
            m.put("end", Map.of("dateTime", GRAPH_LOCAL.format(i.end().atZone(zone.id())), "timeZone", zone.label()));
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
        Object target = mailboxData(caller, userId, CALENDAR_PERMISSIONS);
        if (target instanceof SimResponse r) {
            return r;
        }
        Mailbox mailbox = (Mailbox) target;
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

    // ------------------------------------------------------------------ mailbox settings

    /** {@code /mailboxSettings} or just its {@code userPurpose} (user, room, equipment, shared). */
    private SimResponse mailboxSettings(SimRequest req, Caller caller, String userId, boolean purposeOnly) {
        Object target = mailboxData(caller, userId, SETTINGS_PERMISSIONS);
        if (target instanceof SimResponse r) {
            return r;
        }
        Mailbox m = (Mailbox) target;
        String purpose = m.type().name().toLowerCase(Locale.ROOT);
        String context = req.baseUrl() + "/v1.0/$metadata#users('" + encode(userId) + "')/mailboxSettings";
        Map<String, Object> body = new LinkedHashMap<>();
        if (purposeOnly) {
            body.put("@odata.context", context + "/userPurpose");
            body.put("value", purpose);
            return json(200, body);
        }
        String zone = WindowsZones.id(m.timeZone());
        String midnight = GRAPH_LOCAL.format(options.clock().instant().atZone(ZoneOffset.UTC).toLocalDate()
                .atStartOfDay());
        Map<String, Object> replies = new LinkedHashMap<>();
        replies.put("status", "disabled");
        replies.put("externalAudience", "all");
        replies.put("internalReplyMessage", "");
        replies.put("externalReplyMessage", "");
        replies.put("scheduledStartDateTime", Map.of("dateTime", midnight, "timeZone", "UTC"));
        replies.put("scheduledEndDateTime", Map.of("dateTime", midnight, "timeZone", "UTC"));
        Map<String, Object> hours = new LinkedHashMap<>();
        hours.put("daysOfWeek", List.of("monday", "tuesday", "wednesday", "thursday", "friday"));
        hours.put("startTime", "08:00:00.0000000");
        hours.put("endTime", "17:00:00.0000000");
        hours.put("timeZone", Map.of("name", zone));
        body.put("@odata.context", context);
        body.put("archiveFolder", graphId(Ids.folderId(m.smtp(), "archive")));
        body.put("timeZone", zone);
        body.put("delegateMeetingMessageDeliveryOptions", "sendToDelegateOnly");
        body.put("dateFormat", "M/d/yyyy");
        body.put("timeFormat", "h:mm tt");
        body.put("userPurpose", purpose);
        body.put("automaticRepliesSetting", replies);
        body.put("language", Map.of("locale", "en-US", "displayName", "English (United States)"));
        body.put("workingHours", hours);
        return json(200, body);
    }

    // ------------------------------------------------------------------ directory

    private SimResponse users(SimRequest req, Caller caller) {
        if (!caller.hasAny("User.Read.All", "User.ReadBasic.All", "Directory.Read.All")) {
            return error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        }
        Map<String, String> q = req.query();
        String search = q.get("$search");
        if (search != null && !"eventual".equalsIgnoreCase(req.header("ConsistencyLevel"))) {
            return error(400, "Request_UnsupportedQuery", "Request with $search query parameter only works through"
                    + " MSGraph with a special request header: 'ConsistencyLevel: eventual'");
        }
        if (search != null && !SEARCH_CLAUSE.matcher(search).find()) {
            // a simulator wording: Graph rejects unquoted search terms with a syntax error
            return error(400, "Request_UnsupportedQuery", "Syntax error: the $search value must be quoted, e.g."
                    + " \"displayName:room\".");
        }
        List<Mailbox> matches = new ArrayList<>();
        for (Mailbox m : scenario.mailboxesOf(caller.tenant())) {
            if (matchesSearch(m, search) && matchesFilter(m, q.get("$filter"))) {
                matches.add(m);
            }
        }
        matches.sort(Comparator.comparing(m -> m.displayName().toLowerCase(Locale.ROOT)));
        int top = q.containsKey("$top") ? Integer.parseInt(q.get("$top")) : 100;
        if (top < 1 || top > 999) {
            return error(400, "Request_BadRequest", "Invalid page size specified: '" + top
                    + "'. Must be between 1 and 999 inclusive.");
        }
        int skip = q.containsKey("$skiptoken") ? skipFromToken(q.get("$skiptoken")) : 0;
        List<Mailbox> page = skip >= matches.size() ? List.of()
                : matches.subList(skip, Math.min(matches.size(), skip + top));
        Set<String> select = select(q);
        List<Map<String, Object>> values = new ArrayList<>();
        for (Mailbox m : page) {
            values.add(selectedProperties(userJson(m), select));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", req.baseUrl() + "/v1.0/$metadata#users");
        if ("true".equalsIgnoreCase(q.get("$count"))) {
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
        body.putAll(selectedProperties(userJson((Mailbox) target), select(req.query())));
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
        if (!caller.hasAny("Place.Read.All")) {
            return error(403, "ErrorAccessDenied", ACCESS_DENIED);
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
        if (!caller.hasAny("Place.Read.All")) {
            return error(403, "ErrorAccessDenied", ACCESS_DENIED);
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
            return error(403, "ErrorAccessDenied", ACCESS_DENIED);
        }
        return m.get();
    }

    /**
     * The mailbox whose Exchange data (calendars, events, settings) the caller reads, or the error Graph answers:
     * 404 for an unknown user, 403 without one of {@code permissions}, 403 RAOP when an application access policy
     * leaves the mailbox out.
     */
    private Object mailboxData(Caller caller, String userId, String... permissions) {
        Object target = mailboxFor(caller, userId);
        if (target instanceof SimResponse) {
            return target;
        }
        if (!caller.hasAny(permissions)) {
            return error(403, "ErrorAccessDenied", ACCESS_DENIED);
        }
        if (caller.policyBlocks((Mailbox) target)) {
            return error(403, "ErrorAccessDenied", ACCESS_POLICY_DENIED);
        }
        return target;
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

    private static final Pattern SEARCH_CLAUSE = Pattern.compile("\"(?:([A-Za-z]+):)?([^\"]*)\"");

    /**
     * {@code $search} on users: {@code "property:value"} clauses (displayName, mail, userPrincipalName; a clause
     * without property means displayName) joined by OR, or all by AND; a clause matches when a word of the
     * property starts with the value, case-insensitively, as Graph's tokenized search does.
     */
    private static boolean matchesSearch(Mailbox m, String search) {
        if (search == null) {
            return true;
        }
        boolean and = search.matches("(?s).*\"\\s+AND\\s+\".*");
        boolean any = false;
        boolean all = true;
        Matcher clause = SEARCH_CLAUSE.matcher(search);
        while (clause.find()) {
            boolean hit = wordStartsWith(property(m, clause.group(1)), clause.group(2).trim());
            any |= hit;
            all &= hit;
        }
        return and ? all && any : any;
    }

    private static String property(Mailbox m, String name) {
        return name != null && (name.equalsIgnoreCase("mail") || name.equalsIgnoreCase("userPrincipalName"))
                ? m.smtp() : m.displayName();
    }

    private static boolean wordStartsWith(String target, String value) {
        String t = target.toLowerCase(Locale.ROOT);
        String v = value.toLowerCase(Locale.ROOT);
        if (t.startsWith(v)) {
            return true;
        }
        for (String token : t.split("[\\s@.\\-()]+")) {
            if (token.startsWith(v)) {
                return true;
            }
        }
        return false;
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
            if (property(m, field).toLowerCase(Locale.ROOT).startsWith(value)) {
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
        return Set.copyOf(List.of(s.trim().split("\\s*,\\s*")));
    }

    /** {@code $select} on an Outlook item: its id and {@code @odata} annotations come along. */
    private static Map<String, Object> selected(Map<String, Object> full, Set<String> select) {
        return select == null ? full : pick(full, k -> k.startsWith("@odata") || k.equals("id") || select.contains(k));
    }

    /** {@code $select} on a directory object: only what was selected. */
    private static Map<String, Object> selectedProperties(Map<String, Object> full, Set<String> select) {
        return select == null ? full : pick(full, select::contains);
    }

    private static Map<String, Object> pick(Map<String, Object> full, java.util.function.Predicate<String> keep) {
        Map<String, Object> m = new LinkedHashMap<>();
        full.forEach((k, v) -> {
            if (keep.test(k)) {
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
