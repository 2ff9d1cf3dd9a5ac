package io.calendargateway.room;

/** How much of a room's meetings its door signs see. Private and confidential meetings are masked in every mode. */
public enum Privacy {
    /** Everything of normal meetings. */
    SHOW,
    /** Private and confidential meetings masked, the rest shown (the default). */
    MASK_PRIVATE,
    /** Times and free/busy only: no subject and no organizer of any meeting. */
    BUSY_ONLY
}
