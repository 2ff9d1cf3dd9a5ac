package io.calendargateway.diagnostics;

/**
 * Detects a room mailbox with {@code AddOrganizerToSubject} (the subject replaced by the organizer's name), which
 * EWS cannot read directly (PRODUCT.md §5 rule 8).
 */
public final class AddOrganizerToSubject {

    private AddOrganizerToSubject() {
    }

    /**
     * @param withOrganizer events that have an organizer name
     * @param subjectIsOrganizer of those, events whose subject equals the organizer's name
     * @return true when at least 3 events have an organizer and at least half of them carry its name as subject
     */
    public static boolean suspected(int withOrganizer, int subjectIsOrganizer) {
        return withOrganizer >= 3 && 2 * subjectIsOrganizer >= withOrganizer;
    }
}
