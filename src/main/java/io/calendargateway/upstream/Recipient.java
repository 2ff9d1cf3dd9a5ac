package io.calendargateway.upstream;

/**
 * An entry of an organisation's directory as a backend found it by name.
 *
 * @param mail the SMTP address, lower-case
 * @param name the display name
 * @param type what the backend says the entry is; EWS cannot tell rooms from people ({@link Type#MAILBOX}),
 *        Graph can
 */
public record Recipient(String mail, String name, Type type) {

    public enum Type {
        /** A mailbox the backend does not classify further (EWS: users and rooms alike). */
        MAILBOX,
        ROOM,
        EQUIPMENT,
        /** A distribution group, room lists included. */
        GROUP,
        CONTACT,
        OTHER
    }
}
