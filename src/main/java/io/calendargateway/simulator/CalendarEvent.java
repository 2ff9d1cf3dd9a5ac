package io.calendargateway.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A calendar item: a single appointment or meeting, an all-day event, or the master of a daily/weekly series
 * with modified and deleted occurrences. Times live in an IANA zone; the wire shows them in UTC.
 */
public final class CalendarEvent {

    public enum ShowAs { FREE, TENTATIVE, BUSY, OOF, WORKING_ELSEWHERE }

    public enum Sensitivity { NORMAL, PERSONAL, PRIVATE, CONFIDENTIAL }

    /** The kind of an expanded instance, as EWS CalendarItemType names it. */
    public enum InstanceType { SINGLE, OCCURRENCE, EXCEPTION }

    /** Who organized a meeting. */
    public record Person(String name, String smtp) {
    }

    /** Changes applied to one occurrence, turning it into an exception. */
    public record Change(String subject, LocalDateTime start, LocalDateTime end, String location, ShowAs showAs) {
        public static Change moveTo(LocalDateTime start, LocalDateTime end) {
            return new Change(null, start, end, null, null);
        }

        public Change withSubject(String s) {
            return new Change(s, start, end, location, showAs);
        }
    }

    /** One instance in a calendar view. */
    public record Instance(CalendarEvent event, InstanceType type, Instant start, Instant end, Instant originalStart,
            LocalDate occurrenceDate, String subject, String location, ShowAs showAs) {

        public String itemId() {
            return event.itemId(occurrenceDate);
        }

        /** Graph's iCalUId: the series' UID with this occurrence's original date; a single item's own UID. */
        public String iCalUId() {
            return event.uid(occurrenceDate);
        }
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String key;
    private String subject;
    private final LocalDateTime start;
    private final LocalDateTime end;
    private final ZoneId zone;
    private final boolean allDay;
    private ShowAs showAs = ShowAs.BUSY;
    private Sensitivity sensitivity = Sensitivity.NORMAL;
    private boolean cancelled;
    private Person organizer;
    private String location;
    private Recurrence recurrence;
    private final Map<LocalDate, Change> changes = new LinkedHashMap<>();
    private final Set<LocalDate> deletions = new LinkedHashSet<>();
    private Instant created;
    private CalendarFolder folder;

    private CalendarEvent(String subject, LocalDateTime start, LocalDateTime end, ZoneId zone, boolean allDay) {
        this.key = "E" + SEQUENCE.incrementAndGet();
        this.subject = subject;
        this.start = start;
        this.end = end;
        this.zone = zone;
        this.allDay = allDay;
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("event must end after it starts: " + subject);
        }
    }

    /** A timed appointment in the given zone. */
    public static CalendarEvent at(String subject, ZonedDateTime start, Duration length) {
        return new CalendarEvent(subject, start.toLocalDateTime(), start.toLocalDateTime().plus(length),
                start.getZone(), false);
    }

    public static CalendarEvent at(String subject, LocalDateTime start, LocalDateTime end, ZoneId zone) {
        return new CalendarEvent(subject, start, end, zone, false);
    }

    /** An all-day event from {@code first} to {@code lastInclusive}, at local midnight of {@code zone}. */
    public static CalendarEvent allDay(String subject, LocalDate first, LocalDate lastInclusive, ZoneId zone) {
        CalendarEvent e = new CalendarEvent(subject, first.atStartOfDay(), lastInclusive.plusDays(1).atStartOfDay(),
                zone, true);
        e.showAs = ShowAs.FREE;
        return e;
    }

    public CalendarEvent organizer(String name, String smtp) {
        this.organizer = new Person(name, smtp);
        return this;
    }

    public CalendarEvent location(String l) {
        this.location = l;
        return this;
    }

    public CalendarEvent showAs(ShowAs s) {
        this.showAs = s;
        return this;
    }

    public CalendarEvent sensitivity(Sensitivity s) {
        this.sensitivity = s;
        return this;
    }

    /** Marks the meeting cancelled as Exchange does: "Canceled: " subject prefix, IsCancelled, shown as free. */
    public CalendarEvent cancelled() {
        return cancelled("Canceled: ");
    }

    /**
     * Marks the meeting cancelled with the subject prefix of the organizer's client language: Exchange copies the
     * cancellation's subject, so a German Outlook leaves "Abgesagt: " where an English one writes "Canceled: ".
     */
    public CalendarEvent cancelled(String subjectPrefix) {
        this.cancelled = true;
        if (!subject.startsWith(subjectPrefix)) {
            this.subject = subjectPrefix + subject;
        }
        this.showAs = ShowAs.FREE;
        return this;
    }

    public CalendarEvent recurring(Recurrence r) {
        this.recurrence = r;
        return this;
    }

    /** Modifies the occurrence originally on {@code date} (an Exception instance). */
    public CalendarEvent change(LocalDate date, UnaryOperator<Change> change) {
        changes.put(date, change.apply(new Change(null, null, null, null, null)));
        return this;
    }

    /** Deletes the occurrence originally on {@code date}. */
    public CalendarEvent delete(LocalDate date) {
        deletions.add(date);
        return this;
    }

    void attach(CalendarFolder f) {
        this.folder = f;
        if (created == null) {
            created = start.atZone(zone).toInstant().minus(Duration.ofDays(7));
        }
    }

    public String key() {
        return key;
    }

    public String subject() {
        return subject;
    }

    public LocalDateTime start() {
        return start;
    }

    public LocalDateTime end() {
        return end;
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean allDay() {
        return allDay;
    }

    public ShowAs showAs() {
        return showAs;
    }

    public Sensitivity sensitivity() {
        return sensitivity;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public Person organizer() {
        return organizer;
    }

    public String location() {
        return location;
    }

    public Recurrence recurrence() {
        return recurrence;
    }

    public Map<LocalDate, Change> changes() {
        return changes;
    }

    public Set<LocalDate> deletions() {
        return deletions;
    }

    public CalendarFolder folder() {
        return folder;
    }

    Instant created() {
        return created;
    }

    public boolean isRecurring() {
        return recurrence != null;
    }

    public boolean isMeeting() {
        return organizer != null;
    }

    Duration duration() {
        return Duration.between(start.atZone(zone), end.atZone(zone));
    }

    /** The EWS ItemId of the master/single item ({@code occurrence == null}) or of one occurrence. */
    public String itemId(LocalDate occurrence) {
        return Ids.itemId(folder.mailbox().smtp(), key, occurrence == null ? null : occurrence.toString());
    }

    /** The iCalendar UID of the item, shared by every instance of a series (EWS {@code UID}). */
    public String uid() {
        return uid(null);
    }

    /**
     * The Global Object ID of one instance: the item's UID with the occurrence's original date in it (Graph's
     * {@code iCalUId}, distinct for each occurrence); {@code occurrence == null} gives the item's own UID.
     */
    public String uid(LocalDate occurrence) {
        return Ids.uid(folder.mailbox().smtp() + "/" + key, occurrence);
    }

    /** All instances of this item overlapping [from, to). */
    List<Instance> instances(Instant from, Instant to) {
        List<Instance> out = new ArrayList<>();
        if (recurrence == null) {
            Instant s = start.atZone(zone).toInstant();
            Instant e = end.atZone(zone).toInstant();
            if (s.isBefore(to) && e.isAfter(from)) {
                out.add(new Instance(this, InstanceType.SINGLE, s, e, null, null, subject, location, showAs));
            }
            return out;
        }
        for (LocalDate date : recurrence.dates(start.toLocalDate())) {
            Instance i = occurrence(date);
            if (i == null) {
                continue;
            }
            if (i.start().isBefore(to) && i.end().isAfter(from)) {
                out.add(i);
            }
            if (i.originalStart().isAfter(to.plus(Duration.ofDays(2))) && !changesAfter(date)) {
                break;
            }
        }
        return out;
    }

    /** The occurrence originally on {@code date}, null when deleted or not part of the series. */
    Instance occurrence(LocalDate date) {
        if (recurrence == null || deletions.contains(date)) {
            return null;
        }
        LocalDateTime localStart = date.atTime(start.toLocalTime());
        Instant originalStart = localStart.atZone(zone).toInstant();
        Instant s = originalStart;
        Instant e = localStart.plus(Duration.between(start, end)).atZone(zone).toInstant();
        Change c = changes.get(date);
        if (c == null) {
            return new Instance(this, InstanceType.OCCURRENCE, s, e, originalStart, date, subject, location, showAs);
        }
        if (c.start() != null) {
            s = c.start().atZone(zone).toInstant();
        }
        if (c.end() != null) {
            e = c.end().atZone(zone).toInstant();
        }
        return new Instance(this, InstanceType.EXCEPTION, s, e, originalStart, date,
                c.subject() != null ? c.subject() : subject, c.location() != null ? c.location() : location,
                c.showAs() != null ? c.showAs() : showAs);
    }

    boolean isOccurrenceDate(LocalDate date) {
        return recurrence != null && recurrence.dates(start.toLocalDate()).contains(date);
    }

    LocalDate lastDate() {
        List<LocalDate> dates = recurrence.dates(start.toLocalDate());
        return dates.get(dates.size() - 1);
    }

    private boolean changesAfter(LocalDate date) {
        return changes.keySet().stream().anyMatch(d -> d.isAfter(date));
    }
}
