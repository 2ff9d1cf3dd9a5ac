package io.calendargateway.profile;

/** How an EWS service account reaches room mailboxes. */
public enum Access {
    /** ApplicationImpersonation: the ExchangeImpersonation SOAP header (plus X-AnchorMailbox). */
    IMPERSONATION,
    /** FullAccess or folder rights on each room mailbox: the mailbox is named in the folder id. */
    DELEGATE
}
