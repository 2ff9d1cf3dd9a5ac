package io.calendargateway.upstream;

import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileKind;

import java.time.Instant;
import java.util.List;

/**
 * What the read path and the directory need from Exchange, whichever protocol speaks to it (EWS, Microsoft Graph). Implementations
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
     * Every room list of the profile's organisation with its rooms, and every mailbox the backend confirms as a
     * room; both empty when the organisation has none.
     */
    RoomDirectory rooms(Profile profile);

    /** Directory entries whose name or address starts with {@code search}, as far as the backend goes. */
    NameSearch searchDirectory(Profile profile, String search);

    /**
     * The mailbox's primary calendar with all its calendar sub-folders at any depth, read with the profile's access
     * (impersonation or delegate).
     */
    FolderNode calendarFolders(Profile profile, String mailbox);
}
