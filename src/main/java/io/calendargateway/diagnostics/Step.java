package io.calendargateway.diagnostics;

import com.fasterxml.jackson.annotation.JsonValue;

/** The links of the connection chain, in the order a door-sign read needs them. */
public enum Step {
    TOKEN("token"),
    TLS("tls"),
    AUTHENTICATION("authentication"),
    SERVER_VERSION("serverVersion"),
    MAILBOX_ACCESS("mailboxAccess"),
    CALENDAR_READ("calendarRead");

    private final String wireName;

    Step(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the report ({@code mailboxAccess}). */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
