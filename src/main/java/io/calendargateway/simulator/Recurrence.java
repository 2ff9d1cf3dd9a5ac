package io.calendargateway.simulator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A daily or weekly recurrence pattern ending after a number of occurrences or on a date. */
public final class Recurrence {

    public enum Pattern { DAILY, WEEKLY }

    private final Pattern pattern;
    private final int interval;
    private final Set<DayOfWeek> days;
    private int count;
    private LocalDate until;

    private Recurrence(Pattern pattern, int interval, Set<DayOfWeek> days) {
        this.pattern = pattern;
        this.interval = interval;
        this.days = days;
    }

    public static Recurrence daily(int interval) {
        return new Recurrence(Pattern.DAILY, interval, EnumSet.noneOf(DayOfWeek.class));
    }

    public static Recurrence weekly(int interval, DayOfWeek first, DayOfWeek... more) {
        return new Recurrence(Pattern.WEEKLY, interval, EnumSet.of(first, more));
    }

    public Recurrence count(int occurrences) {
        this.count = occurrences;
        this.until = null;
        return this;
    }

    public Recurrence until(LocalDate lastDate) {
        this.until = lastDate;
        this.count = 0;
        return this;
    }

    public Pattern pattern() {
        return pattern;
    }

    public int interval() {
        return interval;
    }

    public Set<DayOfWeek> days() {
        return days;
    }

    public int count() {
        return count;
    }

    public LocalDate until() {
        return until;
    }

    /** The dates of the series (before deletions), starting with the series' first date. */
    List<LocalDate> dates(LocalDate first) {
        List<LocalDate> result = new ArrayList<>();
        int limit = count > 0 ? count : 100_000;
        LocalDate last = until != null ? until : LocalDate.MAX;
        if (pattern == Pattern.DAILY) {
            for (LocalDate d = first; result.size() < limit && !d.isAfter(last); d = d.plusDays(interval)) {
                result.add(d);
            }
            return result;
        }
        LocalDate weekStart = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        while (result.size() < limit) {
            for (DayOfWeek dow : days) { // EnumSet iterates Monday..Sunday
                LocalDate d = weekStart.with(TemporalAdjusters.nextOrSame(dow));
                if (d.isBefore(first)) {
                    continue;
                }
                if (d.isAfter(last) || result.size() >= limit) {
                    return result;
                }
                result.add(d);
            }
            weekStart = weekStart.plus(interval, ChronoUnit.WEEKS);
        }
        return result;
    }
}
