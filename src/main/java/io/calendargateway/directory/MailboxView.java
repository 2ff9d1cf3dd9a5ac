package io.calendargateway.directory;

/** One mailbox (or room list, contact, group) of a search. */
public record MailboxView(String mail, String name, MailboxType type) {
}
