package io.calendargateway.upstream;

import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileKind;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the read path needs from Exchange, whichever protocol speaks to it (EWS, Microsoft Graph). Implementations
 * are blocking: call them on a worker thread, never on the event loop. Failures are {@link UpstreamException}s.
 */
public interface CalendarBackend {

    /** The kind of profile this backend serves. */
    ProfileKind kind();

    /**
     * Every item of a calendar folder that overlaps the half-open window {@code [from, to)}, recurring series
     * expanded into their instances, complete (windows the server cannot answer at once are split).
     *
     * @param folderId the folder's id, or null for the mailbox's primary calendar
     */
    List<Appointment> appointments(Profile profile, String mailbox, String folderId, Instant from, Instant to);

    /**
     * Every room in the profile's room lists, the mailboxes confirmed as rooms: address (lower-case) to display
     * name.
     */
    Map<String, String> rooms(Profile profile);
}
