package io.calendargateway.simulator;

import io.calendargateway.simulator.CalendarEvent.Instance;
import io.calendargateway.simulator.CalendarEvent.InstanceType;
import io.calendargateway.simulator.EwsHandler.Context;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.w3c.dom.Element;

/** The EWS operations: FindItem, GetItem, GetFolder, FindFolder, ResolveNames, GetRoomLists, GetRooms. */
final class EwsOperations {

    static final int FIND_COUNT_LIMIT = 1000;
    static final int RESOLVE_NAMES_LIMIT = 100;

    private static final String M_T = " xmlns:m=\"" + Xml.MESSAGES + "\" xmlns:t=\"" + Xml.TYPES + "\"";

    /** A response message error (HTTP 200, ResponseClass="Error"). */
    record EwsError(String code, String text, Map<String, String> values) {
        EwsError(String code, String text) {
            this(code, text, Map.of());
        }
    }

    /** A resolved folder: a calendar folder of a mailbox, or one of the few non-calendar folders. */
    record FolderRef(Mailbox mailbox, CalendarFolder calendar, String special) {
        String path() {
            return calendar != null ? calendar.path() : special;
        }
    }

    private final Scenario scenario;

    EwsOperations(Scenario scenario) {
        this.scenario = scenario;
    }

    String dispatch(Context ctx, Element op) {
        return switch (op.getLocalName()) {
            case "FindItem" -> findItem(ctx, op);
            case "GetItem" -> getItem(ctx, op);
            case "GetFolder" -> getFolder(ctx, op);
            case "FindFolder" -> findFolder(ctx, op);
            case "ResolveNames" -> resolveNames(ctx, op);
            case "GetRoomLists" -> getRoomLists(ctx);
            case "GetRooms" -> getRooms(ctx, op);
            default -> null;
        };
    }

    /** The mailbox a request names explicitly (delegate access or an id), for call counting. */
    String requestedMailbox(Element op) {
        for (Element d : Xml.descendants(op, Xml.TYPES, "DistinguishedFolderId")) {
            String smtp = Xml.childText(Xml.child(d, Xml.TYPES, "Mailbox"), Xml.TYPES, "EmailAddress");
            if (smtp != null) {
                return smtp;
            }
        }
        for (Element f : Xml.descendants(op, Xml.TYPES, "FolderId")) {
            String[] parts = Ids.decodeFolderId(Xml.attr(f, "Id"));
            if (parts != null) {
                return parts[0];
            }
        }
        for (Element i : Xml.descendants(op, Xml.TYPES, "ItemId")) {
            String[] parts = Ids.decodeItemId(Xml.attr(i, "Id"));
            if (parts != null) {
                return parts[0];
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- FindItem

    private String findItem(Context ctx, Element op) {
        Shape shape = Shape.parse(Xml.child(op, Xml.MESSAGES, "ItemShape"));
        Element view = Xml.child(op, Xml.MESSAGES, "CalendarView");
        Element paged = Xml.child(op, Xml.MESSAGES, "IndexedPageItemView");
        Xml.Writer w = new Xml.Writer().raw("<m:FindItemResponse" + M_T + "><m:ResponseMessages>");
        for (Element folderIdEl : Xml.children(Xml.child(op, Xml.MESSAGES, "ParentFolderIds"))) {
            Object resolved = resolveFolder(ctx, folderIdEl);
            if (resolved instanceof EwsError e) {
                error(w, "FindItemResponseMessage", e, null);
                continue;
            }
            FolderRef folder = (FolderRef) resolved;
            if (view != null) {
                calendarView(ctx, w, folder, view, shape);
            } else {
                indexedItems(ctx, w, folder, paged, shape);
            }
        }
        return w.raw("</m:ResponseMessages></m:FindItemResponse>").toString();
    }

    private void calendarView(Context ctx, Xml.Writer w, FolderRef folder, Element view, Shape shape) {
        Instant from = parseDateTime(Xml.attr(view, "StartDate"));
        Instant to = parseDateTime(Xml.attr(view, "EndDate"));
        if (from == null || to == null) {
            error(w, "FindItemResponseMessage", new EwsError("ErrorInvalidRequest", "The request is invalid."), null);
            return;
        }
        if (!to.isAfter(from)) {
            error(w, "FindItemResponseMessage", new EwsError("ErrorCalendarEndDateIsEarlierThanStartDate",
                    "EndDate is earlier than StartDate"), null);
            return;
        }
        if (OffsetDateTime.ofInstant(to, ZoneOffset.UTC)
                .isAfter(OffsetDateTime.ofInstant(from, ZoneOffset.UTC).plusYears(2))) {
            error(w, "FindItemResponseMessage", new EwsError("ErrorCalendarViewRangeTooBig",
                    "The calendar view range is too big. The maximum range is two years."), null);
            return;
        }
        String maxAttr = Xml.attr(view, "MaxEntriesReturned");
        Integer max = maxAttr == null ? null : Integer.valueOf(maxAttr);
        List<Instance> all = instances(folder, from, to);
        if ((max == null && all.size() > FIND_COUNT_LIMIT) || (max != null && max > FIND_COUNT_LIMIT
                && all.size() > FIND_COUNT_LIMIT)) {
            error(w, "FindItemResponseMessage", new EwsError("ErrorExceededFindCountLimit", "You have exceeded the"
                    + " maximum number of objects that can be returned for the find operation. Use paging to"
                    + " reduce the result size and try your request again."), null);
            return;
        }
        List<Instance> returned = max == null || max >= all.size() ? all : all.subList(0, max);
        w.open("m:FindItemResponseMessage", "ResponseClass", "Success").leaf("m:ResponseCode", "NoError");
        w.open("m:RootFolder", "TotalItemsInView", String.valueOf(all.size()), "IncludesLastItemInRange",
                String.valueOf(returned.size() == all.size()));
        if (returned.isEmpty()) {
            w.empty("t:Items");
        } else {
            w.open("t:Items");
            for (Instance i : returned) {
                EwsItems.write(w, ctx, ItemView.of(i), shape, false);
            }
            w.close("t:Items");
        }
        w.close("m:RootFolder").close("m:FindItemResponseMessage");
    }

    /** CalendarView ordering: by start only (stable, so overlapping items keep storage order). */
    static List<Instance> instances(FolderRef folder, Instant from, Instant to) {
        if (folder.calendar() == null) {
            return List.of();
        }
        List<Instance> all = new ArrayList<>();
        for (CalendarEvent e : folder.calendar().events()) {
            all.addAll(e.instances(from, to));
        }
        all.sort(Comparator.comparing(Instance::start));
        return all;
    }

    private void indexedItems(Context ctx, Xml.Writer w, FolderRef folder, Element paged, Shape shape) {
        List<CalendarEvent> events = folder.calendar() == null ? List.of() : List.copyOf(folder.calendar().events());
        int offset = paged == null ? 0 : intAttr(paged, "Offset", 0);
        int max = paged == null ? Integer.MAX_VALUE : intAttr(paged, "MaxEntriesReturned", Integer.MAX_VALUE);
        int end = (int) Math.min(events.size(), (long) offset + max);
        List<CalendarEvent> page = offset >= events.size() ? List.of() : events.subList(offset, end);
        w.open("m:FindItemResponseMessage", "ResponseClass", "Success").leaf("m:ResponseCode", "NoError");
        w.open("m:RootFolder", "IndexedPagingOffset", String.valueOf(offset + page.size()), "TotalItemsInView",
                String.valueOf(events.size()), "IncludesLastItemInRange", String.valueOf(offset + page.size()
                        >= events.size()));
        if (page.isEmpty()) {
            w.empty("t:Items");
        } else {
            w.open("t:Items");
            for (CalendarEvent e : page) {
                EwsItems.write(w, ctx, ItemView.master(e), shape, false);
            }
            w.close("t:Items");
        }
        w.close("m:RootFolder").close("m:FindItemResponseMessage");
    }

    // ---------------------------------------------------------------- GetItem

    private String getItem(Context ctx, Element op) {
        Shape shape = Shape.parse(Xml.child(op, Xml.MESSAGES, "ItemShape"));
        Xml.Writer w = new Xml.Writer().raw("<m:GetItemResponse" + M_T + "><m:ResponseMessages>");
        for (Element idEl : Xml.children(Xml.child(op, Xml.MESSAGES, "ItemIds"))) {
            Object found = resolveItem(ctx, idEl);
            if (found instanceof EwsError e) {
                error(w, "GetItemResponseMessage", e, "m:Items");
                continue;
            }
            w.open("m:GetItemResponseMessage", "ResponseClass", "Success").leaf("m:ResponseCode", "NoError");
            w.open("m:Items");
            EwsItems.write(w, ctx, (ItemView) found, shape, true);
            w.close("m:Items").close("m:GetItemResponseMessage");
        }
        return w.raw("</m:ResponseMessages></m:GetItemResponse>").toString();
    }

    private Object resolveItem(Context ctx, Element idEl) {
        String masterId;
        String occurrence = null;
        Integer instanceIndex = null;
        switch (idEl.getLocalName()) {
            case "ItemId" -> masterId = Xml.attr(idEl, "Id");
            case "OccurrenceItemId" -> {
                masterId = Xml.attr(idEl, "RecurringMasterId");
                instanceIndex = Integer.valueOf(Xml.attr(idEl, "InstanceIndex"));
            }
            case "RecurringMasterItemId" -> masterId = Xml.attr(idEl, "OccurrenceId");
            default -> {
                return new EwsError("ErrorInvalidIdMalformed", "Id is malformed.");
            }
        }
        String[] parts = masterId == null ? null : Ids.decodeItemId(masterId);
        if (parts == null) {
            return new EwsError("ErrorInvalidIdMalformed", "Id is malformed.");
        }
        if (!"RecurringMasterItemId".equals(idEl.getLocalName()) && !parts[2].isEmpty()) {
            occurrence = parts[2];
        }
        Optional<Mailbox> mailbox = scenario.mailbox(parts[0]).filter(m -> m.tenant() == ctx.tenant());
        if (mailbox.isEmpty()) {
            return new EwsError("ErrorItemNotFound", "The specified object was not found in the store.");
        }
        EwsError denied = checkAccess(ctx, mailbox.get());
        if (denied != null) {
            return denied;
        }
        CalendarEvent event = Stream.concat(Stream.of(mailbox.get().calendar()),
                        mailbox.get().calendar().descendants().stream())
                .flatMap(f -> f.events().stream()).filter(e -> e.key().equals(parts[1])).findFirst().orElse(null);
        if (event == null) {
            return new EwsError("ErrorItemNotFound", "The specified object was not found in the store.");
        }
        if (instanceIndex != null) {
            if (!event.isRecurring()) {
                return new EwsError("ErrorItemNotFound", "The specified object was not found in the store.");
            }
            var dates = event.recurrence().dates(event.start().toLocalDate());
            if (instanceIndex < 1 || instanceIndex > dates.size()) {
                return new EwsError("ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange",
                        "Occurrence index is out of recurrence range.");
            }
            occurrence = dates.get(instanceIndex - 1).toString();
        }
        if (occurrence == null) {
            return ItemView.master(event);
        }
        Instance i = event.occurrence(java.time.LocalDate.parse(occurrence));
        if (i == null) {
            return new EwsError("ErrorCalendarOccurrenceIsDeletedFromRecurrence",
                    "Occurrence with this index was previously deleted from the recurrence.");
        }
        return ItemView.of(i);
    }

    // ---------------------------------------------------------------- GetFolder / FindFolder

    private String getFolder(Context ctx, Element op) {
        Shape shape = Shape.parse(Xml.child(op, Xml.MESSAGES, "FolderShape"));
        Xml.Writer w = new Xml.Writer().raw("<m:GetFolderResponse" + M_T + "><m:ResponseMessages>");
        for (Element folderIdEl : Xml.children(Xml.child(op, Xml.MESSAGES, "FolderIds"))) {
            Object resolved = resolveFolder(ctx, folderIdEl);
            if (resolved instanceof EwsError e) {
                error(w, "GetFolderResponseMessage", e, "m:Folders");
                continue;
            }
            w.open("m:GetFolderResponseMessage", "ResponseClass", "Success").leaf("m:ResponseCode", "NoError");
            w.open("m:Folders");
            EwsFolders.write(w, ctx, (FolderRef) resolved, shape);
            w.close("m:Folders").close("m:GetFolderResponseMessage");
        }
        return w.raw("</m:ResponseMessages></m:GetFolderResponse>").toString();
    }

    private String findFolder(Context ctx, Element op) {
        Shape shape = Shape.parse(Xml.child(op, Xml.MESSAGES, "FolderShape"));
        boolean deep = "Deep".equals(Xml.attr(op, "Traversal"));
        Element paged = Xml.child(op, Xml.MESSAGES, "IndexedPageFolderView");
        String classFilter = folderClassRestriction(Xml.child(op, Xml.MESSAGES, "Restriction"));
        Xml.Writer w = new Xml.Writer().raw("<m:FindFolderResponse" + M_T + "><m:ResponseMessages>");
        for (Element folderIdEl : Xml.children(Xml.child(op, Xml.MESSAGES, "ParentFolderIds"))) {
            Object resolved = resolveFolder(ctx, folderIdEl);
            if (resolved instanceof EwsError e) {
                error(w, "FindFolderResponseMessage", e, null);
                continue;
            }
            List<FolderRef> found = EwsFolders.children((FolderRef) resolved, deep);
            if (classFilter != null) {
                found = found.stream().filter(f -> classFilter.equals(EwsFolders.folderClass(f))).toList();
            }
            int offset = paged == null ? 0 : intAttr(paged, "Offset", 0);
            int max = paged == null ? Integer.MAX_VALUE : intAttr(paged, "MaxEntriesReturned", Integer.MAX_VALUE);
            if (paged != null && "End".equals(Xml.attr(paged, "BasePoint"))) {
                offset = Math.max(0, found.size() - offset - Math.min(max, found.size()));
            }
            int end = (int) Math.min(found.size(), (long) offset + max);
            List<FolderRef> page = offset >= found.size() ? List.of() : found.subList(offset, end);
            w.open("m:FindFolderResponseMessage", "ResponseClass", "Success").leaf("m:ResponseCode", "NoError");
            w.open("m:RootFolder", "IndexedPagingOffset", paged == null ? null : String.valueOf(offset + page.size()),
                    "TotalItemsInView", String.valueOf(found.size()), "IncludesLastItemInRange",
                    String.valueOf(offset + page.size() >= found.size()));
            if (page.isEmpty()) {
                w.empty("t:Folders");
            } else {
                w.open("t:Folders");
                for (FolderRef f : page) {
                    EwsFolders.write(w, ctx, f, shape);
                }
                w.close("t:Folders");
            }
            w.close("m:RootFolder").close("m:FindFolderResponseMessage");
        }
        return w.raw("</m:ResponseMessages></m:FindFolderResponse>").toString();
    }

    /** Supports the one restriction folder browsers use: IsEqualTo folder:FolderClass. */
    private static String folderClassRestriction(Element restriction) {
        Element eq = Xml.child(restriction, Xml.TYPES, "IsEqualTo");
        Element field = Xml.child(eq, Xml.TYPES, "FieldURI");
        if (field == null || !"folder:FolderClass".equals(Xml.attr(field, "FieldURI"))) {
            return null;
        }
        return Xml.attr(Xml.child(Xml.child(eq, Xml.TYPES, "FieldURIOrConstant"), Xml.TYPES, "Constant"), "Value");
    }

    /** Resolves a DistinguishedFolderId or FolderId element to a folder the caller may read. */
    Object resolveFolder(Context ctx, Element idEl) {
        if ("DistinguishedFolderId".equals(idEl.getLocalName())) {
            String distinguished = Xml.attr(idEl, "Id");
            String smtp = Xml.childText(Xml.child(idEl, Xml.TYPES, "Mailbox"), Xml.TYPES, "EmailAddress");
            Mailbox mailbox;
            if (smtp != null) {
                Optional<Mailbox> m = scenario.mailbox(smtp).filter(x -> x.tenant() == ctx.tenant());
                if (m.isEmpty()) {
                    return new EwsError("ErrorNonExistentMailbox", "The SMTP address has no mailbox associated with it.",
                            Map.of("SmtpAddress", smtp));
                }
                mailbox = m.get();
            } else if (ctx.impersonated() != null) {
                mailbox = ctx.impersonated();
            } else {
                Optional<Mailbox> own = ctx.caller().account() == null ? Optional.empty()
                        : scenario.mailbox(ctx.caller().account().upn());
                if (own.isEmpty()) {
                    return new EwsError("ErrorMissingEmailAddress", "When making a request as an account that does"
                            + " not have a mailbox, you must specify the mailbox primary SMTP address for any"
                            + " distinguished folder Ids.");
                }
                mailbox = own.get();
            }
            EwsError denied = checkAccess(ctx, mailbox);
            if (denied != null) {
                return denied;
            }
            return switch (distinguished == null ? "" : distinguished) {
                case "calendar" -> new FolderRef(mailbox, mailbox.calendar(), null);
                case "msgfolderroot", "root", "inbox", "contacts" -> new FolderRef(mailbox, null, distinguished);
                default -> new EwsError("ErrorFolderNotFound", "The specified folder could not be found in the store.");
            };
        }
        if ("FolderId".equals(idEl.getLocalName())) {
            String[] parts = Ids.decodeFolderId(Xml.attr(idEl, "Id"));
            if (parts == null) {
                return new EwsError("ErrorInvalidIdMalformed", "Id is malformed.");
            }
            Optional<Mailbox> m = scenario.mailbox(parts[0]).filter(x -> x.tenant() == ctx.tenant());
            if (m.isEmpty()) {
                return new EwsError("ErrorFolderNotFound", "The specified folder could not be found in the store.");
            }
            EwsError denied = checkAccess(ctx, m.get());
            if (denied != null) {
                return denied;
            }
            CalendarFolder cal = m.get().calendar().find(parts[1]);
            if (cal != null) {
                return new FolderRef(m.get(), cal, null);
            }
            if (List.of("msgfolderroot", "root", "inbox", "contacts").contains(parts[1])) {
                return new FolderRef(m.get(), null, parts[1]);
            }
            return new EwsError("ErrorFolderNotFound", "The specified folder could not be found in the store.");
        }
        return new EwsError("ErrorInvalidIdMalformed", "Id is malformed.");
    }

    /** Whether the effective identity may open the mailbox: its own, impersonated, FullAccess, or app-only. */
    private static EwsError checkAccess(Context ctx, Mailbox mailbox) {
        if (ctx.impersonated() != null) {
            if (ctx.impersonated() == mailbox || ctx.caller().appOnly()) {
                return null;
            }
        } else if (ctx.caller().account() != null && ctx.caller().account().isDelegateOf(mailbox)) {
            return null;
        }
        return new EwsError("ErrorAccessDenied", "Access is denied. Check credentials and try again.");
    }

    // ---------------------------------------------------------------- directory

    private String resolveNames(Context ctx, Element op) {
        String entry = Optional.ofNullable(Xml.childText(op, Xml.MESSAGES, "UnresolvedEntry")).orElse("");
        boolean fullContact = "true".equals(Xml.attr(op, "ReturnFullContactData"));
        List<Object[]> matches = new ArrayList<>(); // {name, smtp, mailboxType}
        String query = entry.toLowerCase(Locale.ROOT);
        boolean exact = query.startsWith("smtp:");
        if (exact) {
            query = query.substring(5);
        }
        // an X.500 address (what FindItem gives as an EX organizer) resolves only by an exact legacyExchangeDN match
        boolean legacyDn = query.startsWith("/o=");
        for (Mailbox m : scenario.mailboxesOf(ctx.tenant())) {
            boolean match = legacyDn ? m.legacyDn().equalsIgnoreCase(query)
                    : exact ? m.smtp().equals(query) : anr(query, m.displayName(), m.smtp());
            if (match) {
                matches.add(new Object[] {m.displayName(), m.smtp(), "Mailbox"});
            }
        }
        for (RoomList r : scenario.roomListsOf(ctx.tenant())) {
            if (!legacyDn && (exact ? r.smtp().equals(query) : anr(query, r.displayName(), r.smtp()))) {
                matches.add(new Object[] {r.displayName(), r.smtp(), "PublicDL"});
            }
        }
        matches.sort(Comparator.comparing(a -> ((String) a[0]).toLowerCase(Locale.ROOT)));
        Xml.Writer w = new Xml.Writer().raw("<m:ResolveNamesResponse" + M_T + "><m:ResponseMessages>");
        if (query.isEmpty() || matches.isEmpty()) {
            error(w, "ResolveNamesResponseMessage", new EwsError("ErrorNameResolutionNoResults",
                    "No results were found."), null);
        } else {
            List<Object[]> returned = matches.subList(0, Math.min(RESOLVE_NAMES_LIMIT, matches.size()));
            if (matches.size() == 1) {
                w.open("m:ResolveNamesResponseMessage", "ResponseClass", "Success").leaf("m:ResponseCode", "NoError");
            } else {
                w.open("m:ResolveNamesResponseMessage", "ResponseClass", "Warning")
                        .leaf("m:MessageText", "Multiple results were found.")
                        .leaf("m:ResponseCode", "ErrorNameResolutionMultipleResults")
                        .leaf("m:DescriptiveLinkKey", "0");
            }
            w.open("m:ResolutionSet", "TotalItemsInView", String.valueOf(returned.size()),
                    "IncludesLastItemInRange", String.valueOf(returned.size() == matches.size()));
            for (Object[] m : returned) {
                w.open("t:Resolution").open("t:Mailbox").leaf("t:Name", m[0]).leaf("t:EmailAddress", m[1])
                        .leaf("t:RoutingType", "SMTP").leaf("t:MailboxType", m[2]).close("t:Mailbox");
                if (fullContact) {
                    w.open("t:Contact").leaf("t:DisplayName", m[0]).open("t:EmailAddresses")
                            .leafWithAttrs("t:Entry", "SMTP:" + m[1], "Key", "EmailAddress1")
                            .close("t:EmailAddresses").leaf("t:ContactSource", "ActiveDirectory").close("t:Contact");
                }
                w.close("t:Resolution");
            }
            w.close("m:ResolutionSet").close("m:ResolveNamesResponseMessage");
        }
        return w.raw("</m:ResponseMessages></m:ResolveNamesResponse>").toString();
    }

    /** Ambiguous name resolution: prefix of the display name, of any word in it, or of the address. */
    private static boolean anr(String query, String displayName, String smtp) {
        String name = displayName.toLowerCase(Locale.ROOT);
        if (name.startsWith(query) || smtp.startsWith(query)) {
            return true;
        }
        for (String word : name.split("[\\s()\\-]+")) {
            if (!word.isEmpty() && word.startsWith(query)) {
                return true;
            }
        }
        return false;
    }

    private String getRoomLists(Context ctx) {
        Xml.Writer w = new Xml.Writer().raw("<m:GetRoomListsResponse ResponseClass=\"Success\"" + M_T + ">");
        w.leaf("m:ResponseCode", "NoError");
        List<RoomList> lists = scenario.roomListsOf(ctx.tenant());
        if (lists.isEmpty()) {
            w.empty("m:RoomLists");
        } else {
            w.open("m:RoomLists");
            for (RoomList r : lists) {
                w.open("t:Address").leaf("t:Name", r.displayName()).leaf("t:EmailAddress", r.smtp())
                        .leaf("t:RoutingType", "SMTP").leaf("t:MailboxType", "PublicDL").close("t:Address");
            }
            w.close("m:RoomLists");
        }
        return w.close("m:GetRoomListsResponse").toString();
    }

    private String getRooms(Context ctx, Element op) {
        String smtp = Xml.childText(Xml.child(op, Xml.MESSAGES, "RoomList"), Xml.TYPES, "EmailAddress");
        Optional<RoomList> list = scenario.roomList(smtp)
                .filter(r -> scenario.tenantForAddress(r.smtp()).orElse(null) == ctx.tenant());
        if (list.isEmpty()) {
            return "<m:GetRoomsResponse ResponseClass=\"Error\"" + M_T + "><m:MessageText>No results were found."
                    + "</m:MessageText><m:ResponseCode>ErrorNameResolutionNoResults</m:ResponseCode>"
                    + "<m:DescriptiveLinkKey>0</m:DescriptiveLinkKey></m:GetRoomsResponse>";
        }
        Xml.Writer w = new Xml.Writer().raw("<m:GetRoomsResponse ResponseClass=\"Success\"" + M_T + ">");
        w.leaf("m:ResponseCode", "NoError");
        if (list.get().rooms().isEmpty()) {
            w.empty("m:Rooms");
        } else {
            w.open("m:Rooms");
            for (String room : list.get().rooms()) {
                String name = scenario.mailbox(room).map(Mailbox::displayName).orElse(room);
                w.open("t:Room").open("t:Id").leaf("t:Name", name).leaf("t:EmailAddress", room)
                        .leaf("t:RoutingType", "SMTP").leaf("t:MailboxType", "Mailbox").close("t:Id").close("t:Room");
            }
            w.close("m:Rooms");
        }
        return w.close("m:GetRoomsResponse").toString();
    }

    // ---------------------------------------------------------------- helpers

    /** Writes an error response message; {@code emptyContainer} e.g. "m:Items" is written empty as servers do. */
    static void error(Xml.Writer w, String messageElement, EwsError e, String emptyContainer) {
        w.open("m:" + messageElement, "ResponseClass", "Error").leaf("m:MessageText", e.text())
                .leaf("m:ResponseCode", e.code()).leaf("m:DescriptiveLinkKey", "0");
        if (!e.values().isEmpty()) {
            w.open("m:MessageXml");
            e.values().forEach((k, v) -> w.leafWithAttrs("t:Value", v, "Name", k));
            w.close("m:MessageXml");
        }
        if (emptyContainer != null) {
            w.empty(emptyContainer);
        }
        w.close("m:" + messageElement);
    }

    static Instant parseDateTime(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (Exception e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (Exception e2) {
                return null;
            }
        }
    }

    static String utc(Instant i) {
        return i.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static int intAttr(Element e, String name, int dflt) {
        String v = Xml.attr(e, name);
        return v == null ? dflt : Integer.parseInt(v);
    }

    /** What the request asked for: BaseShape plus AdditionalProperties FieldURIs and extended properties. */
    record Shape(String base, List<String> fields, List<Element> extended) {

        static Shape parse(Element shapeEl) {
            String base = Optional.ofNullable(Xml.childText(shapeEl, Xml.TYPES, "BaseShape")).orElse("Default");
            List<String> fields = new ArrayList<>();
            List<Element> extended = new ArrayList<>();
            for (Element p : Xml.children(Xml.child(shapeEl, Xml.TYPES, "AdditionalProperties"))) {
                if ("FieldURI".equals(p.getLocalName())) {
                    fields.add(Xml.attr(p, "FieldURI"));
                } else if ("ExtendedFieldURI".equals(p.getLocalName())) {
                    extended.add(p);
                }
            }
            return new Shape(base, fields, extended);
        }

        boolean wants(String fieldUri, boolean inDefault) {
            return "AllProperties".equals(base) || ("Default".equals(base) && inDefault) || fields.contains(fieldUri);
        }
    }

    /** A calendar item as written: single, occurrence, exception, or recurring master. */
    record ItemView(CalendarEvent event, String calendarItemType, Instant start, Instant end, Instant originalStart,
            String itemId, String subject, String location, CalendarEvent.ShowAs showAs) {

        static ItemView of(Instance i) {
            String type = switch (i.type()) {
                case SINGLE -> "Single";
                case OCCURRENCE -> "Occurrence";
                case EXCEPTION -> "Exception";
            };
            return new ItemView(i.event(), type, i.start(), i.end(), i.originalStart(), i.itemId(), i.subject(),
                    i.location(), i.showAs());
        }

        static ItemView master(CalendarEvent e) {
            Instant s = e.start().atZone(e.zone()).toInstant();
            Instant en = e.end().atZone(e.zone()).toInstant();
            return new ItemView(e, e.isRecurring() ? "RecurringMaster" : "Single", s, en, null, e.itemId(null),
                    e.subject(), e.location(), e.showAs());
        }

        boolean isInstanceOfSeries() {
            return originalStart != null;
        }

        InstanceType instanceType() {
            return switch (calendarItemType) {
                case "Occurrence" -> InstanceType.OCCURRENCE;
                case "Exception" -> InstanceType.EXCEPTION;
                default -> InstanceType.SINGLE;
            };
        }
    }

    static Map<String, String> values(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
