package io.calendargateway.directory;

import java.util.List;

/**
 * The answer of a mailbox search.
 *
 * @param truncated more matched than {@code items} holds: more than the limit, or more than Exchange returns (100)
 */
public record MailboxSearch(List<MailboxView> items, boolean truncated, List<Warning> warnings) {

    /** Something the admin should know about the answer, with what to do about it. */
    public record Warning(String code, String message, String hint) {
    }
}
