package io.calendargateway.simulator;

import io.calendargateway.simulator.CalendarEvent.Instance;
import io.calendargateway.simulator.EwsHandler.Context;
import io.calendargateway.simulator.EwsOperations.ItemView;
import io.calendargateway.simulator.EwsOperations.Shape;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes {@code t:CalendarItem} elements in the element order of types.xsd, with the properties the shape asks
 * for. FindItem gives the organizer as an EX (X.500) address; GetItem gives SMTP. Requests for a version before
 * Exchange 2013 get no 2013-only elements and see WorkingElsewhere as Free.
 */
final class EwsItems {

    private EwsItems() {
    }

    static void write(Xml.Writer w, Context ctx, ItemView v, Shape shape, boolean getItem) {
        CalendarEvent e = v.event();
        Mailbox mailbox = e.folder().mailbox();
        Instant created = e.created();
        boolean series = v.isInstanceOfSeries() || "RecurringMaster".equals(v.calendarItemType());
        w.open("t:CalendarItem");
        w.empty("t:ItemId", "Id", v.itemId(), "ChangeKey", Ids.changeKey(v.itemId() + e.subject()));
        if (shape.wants("item:ParentFolderId", false)) {
            w.empty("t:ParentFolderId", "Id", e.folder().folderId(), "ChangeKey", "AQAAAA==");
        }
        if (shape.wants("item:ItemClass", false)) {
            w.leaf("t:ItemClass", v.isInstanceOfSeries() ? "IPM.Appointment.Occurrence" : "IPM.Appointment");
        }
        if (shape.wants("item:Subject", true)) {
            w.leaf("t:Subject", v.subject());
        }
        if (shape.wants("item:Sensitivity", false)) {
            w.leaf("t:Sensitivity", sensitivity(e.sensitivity()));
        }
        boolean all = "AllProperties".equals(shape.base());
        if (all || shape.fields().contains("item:DateTimeReceived")) {
            w.leaf("t:DateTimeReceived", EwsOperations.utc(created));
        }
        if (all) {
            w.leaf("t:Size", String.valueOf(3000 + v.subject().length() * 2));
            w.leaf("t:Importance", "Normal");
            w.leaf("t:IsSubmitted", "false").leaf("t:IsDraft", "false").leaf("t:IsFromMe", "false")
                    .leaf("t:IsResend", "false").leaf("t:IsUnmodified", "false");
            w.leaf("t:DateTimeSent", EwsOperations.utc(created));
        }
        if (shape.wants("item:DateTimeCreated", false)) {
            w.leaf("t:DateTimeCreated", EwsOperations.utc(created));
        }
        if (all) {
            w.leaf("t:ReminderIsSet", "false").leaf("t:ReminderMinutesBeforeStart", "15");
        }
        if (shape.wants("item:HasAttachments", true)) {
            w.leaf("t:HasAttachments", "false");
        }
        if (all) {
            w.leaf("t:Culture", "en-US");
            w.open("t:EffectiveRights").leaf("t:CreateAssociated", "false").leaf("t:CreateContents", "false")
                    .leaf("t:CreateHierarchy", "false").leaf("t:Delete", "true").leaf("t:Modify", "true")
                    .leaf("t:Read", "true");
            if (ctx.modern()) {
                w.leaf("t:ViewPrivateItems", "true");
            }
            w.close("t:EffectiveRights");
            w.leaf("t:LastModifiedName", e.organizer() != null ? e.organizer().name() : mailbox.displayName());
        }
        if (shape.wants("item:LastModifiedTime", false)) {
            w.leaf("t:LastModifiedTime", EwsOperations.utc(created));
        }
        if (shape.wants("item:IsAssociated", true)) {
            w.leaf("t:IsAssociated", "false");
        }
        if (shape.wants("calendar:UID", false)) {
            w.leaf("t:UID", e.uid());
        }
        if (v.isInstanceOfSeries() && shape.wants("calendar:RecurrenceId", false)) {
            w.leaf("t:RecurrenceId", EwsOperations.utc(v.originalStart()));
        }
        if (shape.wants("calendar:DateTimeStamp", false)) {
            w.leaf("t:DateTimeStamp", EwsOperations.utc(created));
        }
        if (shape.wants("calendar:Start", true)) {
            w.leaf("t:Start", EwsOperations.utc(v.start()));
        }
        if (shape.wants("calendar:End", true)) {
            w.leaf("t:End", EwsOperations.utc(v.end()));
        }
        if (v.isInstanceOfSeries() && shape.wants("calendar:OriginalStart", false)) {
            w.leaf("t:OriginalStart", EwsOperations.utc(v.originalStart()));
        }
        if (shape.wants("calendar:IsAllDayEvent", false)) {
            w.leaf("t:IsAllDayEvent", String.valueOf(e.allDay()));
        }
        if (shape.wants("calendar:LegacyFreeBusyStatus", true)) {
            w.leaf("t:LegacyFreeBusyStatus", freeBusy(v.showAs(), ctx.modern()));
        }
        if (shape.wants("calendar:Location", true)) {
            w.leaf("t:Location", v.location() == null ? "" : v.location());
        }
        if (shape.wants("calendar:IsMeeting", false)) {
            w.leaf("t:IsMeeting", String.valueOf(e.isMeeting()));
        }
        if (shape.wants("calendar:IsCancelled", false)) {
            w.leaf("t:IsCancelled", String.valueOf(e.isCancelled()));
        }
        if (shape.wants("calendar:IsRecurring", false)) {
            w.leaf("t:IsRecurring", String.valueOf(series));
        }
        if (shape.wants("calendar:MeetingRequestWasSent", false)) {
            w.leaf("t:MeetingRequestWasSent", String.valueOf(e.isMeeting()));
        }
        if (shape.wants("calendar:IsResponseRequested", false)) {
            w.leaf("t:IsResponseRequested", "true");
        }
        if (shape.wants("calendar:CalendarItemType", true)) {
            w.leaf("t:CalendarItemType", v.calendarItemType());
        }
        if (shape.wants("calendar:MyResponseType", false)) {
            w.leaf("t:MyResponseType", e.isMeeting() ? "Accept" : "Organizer");
        }
        if (shape.wants("calendar:Organizer", true)) {
            organizer(w, e, mailbox, getItem);
        }
        if (shape.wants("calendar:Duration", false)) {
            w.leaf("t:Duration", duration(Duration.between(v.start(), v.end())));
        }
        if (shape.wants("calendar:TimeZone", false)) {
            w.leaf("t:TimeZone", WindowsZones.display(e.zone()));
        }
        if (all) {
            w.leaf("t:AppointmentSequenceNumber", "0");
        }
        if (shape.wants("calendar:AppointmentState", false)) {
            int state = (e.isMeeting() ? 3 : 0) | (e.isCancelled() ? 4 : 0);
            w.leaf("t:AppointmentState", String.valueOf(state));
        }
        if ("RecurringMaster".equals(v.calendarItemType())) {
            if (getItem && shape.wants("calendar:Recurrence", false)) {
                recurrence(w, e);
            }
            if (shape.wants("calendar:FirstOccurrence", false)) {
                occurrenceInfo(w, "t:FirstOccurrence", e.occurrence(firstLiveDate(e, true)));
            }
            if (shape.wants("calendar:LastOccurrence", false)) {
                occurrenceInfo(w, "t:LastOccurrence", e.occurrence(firstLiveDate(e, false)));
            }
            if (getItem && !e.changes().isEmpty() && shape.wants("calendar:ModifiedOccurrences", false)) {
                w.open("t:ModifiedOccurrences");
                for (LocalDate d : e.changes().keySet()) {
                    Instance i = e.occurrence(d);
                    if (i != null) {
                        occurrenceInfo(w, "t:Occurrence", i);
                    }
                }
                w.close("t:ModifiedOccurrences");
            }
            if (getItem && !e.deletions().isEmpty() && shape.wants("calendar:DeletedOccurrences", false)) {
                w.open("t:DeletedOccurrences");
                for (LocalDate d : e.deletions()) {
                    w.open("t:DeletedOccurrence").leaf("t:Start",
                            EwsOperations.utc(d.atTime(e.start().toLocalTime()).atZone(e.zone()).toInstant()))
                            .close("t:DeletedOccurrence");
                }
                w.close("t:DeletedOccurrences");
            }
        }
        if (all) {
            w.leaf("t:IsOnlineMeeting", "false");
        }
        if (ctx.modern()) {
            if (all) {
                DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
                w.leaf("t:StartWallClock", f.format(v.start().atZone(e.zone()).toOffsetDateTime()));
                w.leaf("t:EndWallClock", f.format(v.end().atZone(e.zone()).toOffsetDateTime()));
            }
            if (shape.wants("calendar:StartTimeZoneId", false)) {
                w.leaf("t:StartTimeZoneId", WindowsZones.id(e.zone()));
            }
            if (shape.wants("calendar:EndTimeZoneId", false)) {
                w.leaf("t:EndTimeZoneId", WindowsZones.id(e.zone()));
            }
            if (shape.wants("calendar:IntendedFreeBusyStatus", false)) {
                w.leaf("t:IntendedFreeBusyStatus", e.isMeeting() ? freeBusy(v.showAs(), true) : "NoData");
            }
            if (shape.wants("calendar:IsOrganizer", false)) {
                w.leaf("t:IsOrganizer", String.valueOf(!e.isMeeting()));
            }
        }
        w.close("t:CalendarItem");
    }

    private static void organizer(Xml.Writer w, CalendarEvent e, Mailbox mailbox, boolean getItem) {
        String name = e.organizer() != null ? e.organizer().name() : mailbox.displayName();
        String smtp = e.organizer() != null ? e.organizer().smtp() : mailbox.smtp();
        w.open("t:Organizer").open("t:Mailbox").leaf("t:Name", name);
        boolean internal = mailbox.tenant().hasDomain(smtp.substring(smtp.indexOf('@') + 1));
        if (getItem || !internal) {
            w.leaf("t:EmailAddress", smtp).leaf("t:RoutingType", "SMTP").leaf("t:MailboxType", "Mailbox");
        } else {
            Mailbox probe = new Mailbox(smtp, name, Mailbox.Type.USER, ZoneId.of("UTC"));
            probe.attach(mailbox.tenant());
            w.leaf("t:EmailAddress", probe.legacyDn()).leaf("t:RoutingType", "EX").leaf("t:MailboxType", "OneOff");
        }
        w.close("t:Mailbox").close("t:Organizer");
    }

    private static void recurrence(Xml.Writer w, CalendarEvent e) {
        Recurrence r = e.recurrence();
        w.open("t:Recurrence");
        if (r.pattern() == Recurrence.Pattern.DAILY) {
            w.open("t:DailyRecurrence").leaf("t:Interval", String.valueOf(r.interval())).close("t:DailyRecurrence");
        } else {
            String days = r.days().stream().map(EwsItems::dayName).collect(Collectors.joining(" "));
            w.open("t:WeeklyRecurrence").leaf("t:Interval", String.valueOf(r.interval())).leaf("t:DaysOfWeek", days)
                    .leaf("t:FirstDayOfWeek", "Monday").close("t:WeeklyRecurrence");
        }
        String startDate = e.start().toLocalDate().toString();
        if (r.count() > 0) {
            w.open("t:NumberedRecurrence").leaf("t:StartDate", startDate)
                    .leaf("t:NumberOfOccurrences", String.valueOf(r.count())).close("t:NumberedRecurrence");
        } else {
            w.open("t:EndDateRecurrence").leaf("t:StartDate", startDate).leaf("t:EndDate", r.until().toString())
                    .close("t:EndDateRecurrence");
        }
        w.close("t:Recurrence");
    }

    private static LocalDate firstLiveDate(CalendarEvent e, boolean first) {
        List<LocalDate> dates = e.recurrence().dates(e.start().toLocalDate());
        if (first) {
            return dates.stream().filter(d -> !e.deletions().contains(d)).findFirst().orElse(dates.get(0));
        }
        for (int i = dates.size() - 1; i >= 0; i--) {
            if (!e.deletions().contains(dates.get(i))) {
                return dates.get(i);
            }
        }
        return dates.get(dates.size() - 1);
    }

    private static void occurrenceInfo(Xml.Writer w, String element, Instance i) {
        if (i == null) {
            return;
        }
        w.open(element).empty("t:ItemId", "Id", i.itemId(), "ChangeKey", Ids.changeKey(i.itemId()))
                .leaf("t:Start", EwsOperations.utc(i.start())).leaf("t:End", EwsOperations.utc(i.end()))
                .leaf("t:OriginalStart", EwsOperations.utc(i.originalStart())).close(element);
    }

    static String freeBusy(CalendarEvent.ShowAs s, boolean modern) {
        return switch (s) {
            case FREE -> "Free";
            case TENTATIVE -> "Tentative";
            case BUSY -> "Busy";
            case OOF -> "OOF";
            case WORKING_ELSEWHERE -> modern ? "WorkingElsewhere" : "Free";
        };
    }

    static String sensitivity(CalendarEvent.Sensitivity s) {
        return switch (s) {
            case NORMAL -> "Normal";
            case PERSONAL -> "Personal";
            case PRIVATE -> "Private";
            case CONFIDENTIAL -> "Confidential";
        };
    }

    /** xs:duration as Exchange writes it: P1D, PT1H, PT30M, P2DT1H. */
    static String duration(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        long seconds = d.toSecondsPart();
        StringBuilder sb = new StringBuilder("P");
        if (days > 0) {
            sb.append(days).append('D');
        }
        if (hours > 0 || minutes > 0 || seconds > 0) {
            sb.append('T');
            if (hours > 0) {
                sb.append(hours).append('H');
            }
            if (minutes > 0) {
                sb.append(minutes).append('M');
            }
            if (seconds > 0) {
                sb.append(seconds).append('S');
            }
        }
        return sb.length() == 1 ? "PT0S" : sb.toString();
    }

    private static String dayName(DayOfWeek d) {
        String n = d.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
}
