package io.calendargateway.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Window arithmetic for EWS CalendarView, which cannot page: a window is pre-split into parts below the two-year
 * limit ({@code ErrorCalendarViewRangeTooBig}), and a part that comes back truncated is halved until every part
 * is complete.
 */
final class CalendarParts {

    /** Longest part asked at once: well below the two years Exchange allows. */
    static final Duration MAX_PART = Duration.ofDays(366);
    /** A part this short that is still truncated cannot be split further. */
    static final Duration MIN_PART = Duration.ofMinutes(1);

    /** A half-open part {@code [start, end)} of a window. */
    record Part(Instant start, Instant end) {

        Duration length() {
            return Duration.between(start, end);
        }

        /** The two halves, the first first. */
        List<Part> halves() {
            Instant middle = start.plus(length().dividedBy(2));
            return List.of(new Part(start, middle), new Part(middle, end));
        }

        boolean canHalve() {
            return length().compareTo(MIN_PART.multipliedBy(2)) >= 0;
        }
    }

    private CalendarParts() {
    }

    /** {@code [from, to)} cut into consecutive parts of at most {@code max}. */
    static List<Part> split(Instant from, Instant to, Duration max) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the window must end after it starts");
        }
        List<Part> parts = new ArrayList<>();
        for (Instant start = from; start.isBefore(to); start = start.plus(max)) {
            Instant end = start.plus(max).isBefore(to) ? start.plus(max) : to;
            parts.add(new Part(start, end));
        }
        return parts;
    }
}
