package io.calendargateway.profile;

/** Which backend a profile speaks. */
public enum ProfileKind {
    /** Exchange Web Services: on-premises Exchange, or Exchange Online until EWS retires there. */
    EWS,
    /** Microsoft Graph: Exchange Online. */
    GRAPH
}
