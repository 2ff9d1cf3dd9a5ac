package io.calendargateway.upstream;

import java.util.Map;

/**
 * What an administrator can do about each upstream error (PRODUCT.md §6): the words shown beside the Exchange or
 * Entra ID code in diagnostics and in 502 problems.
 */
public final class Hints {

    public static final String IMPERSONATION_DENIED = "Grant the service account the ApplicationImpersonation role "
            + "with a management scope that includes this mailbox, then wait about 10 minutes for the change to apply.";
    public static final String EWS_FORBIDDEN = "EWS is disabled for this tenant or app: use a GRAPH profile, or "
            + "allow-list the app (EWSEnabled, EWSAllowedAppIDs) until 2027-04-01.";
    public static final String UNAUTHORIZED = "Check user name, password and domain, and that the EWS virtual "
            + "directory allows this authentication method (Basic or NTLM).";
    public static final String NO_MAILBOX = "Check the address, and that the mailbox exists and is not hidden from "
            + "the address lists.";
    public static final String THROTTLED = "Exchange is throttling the service account: the gateway backs off as "
            + "asked (BackOffMilliseconds); reduce polling or raise the throttling policy.";
    public static final String WINDOW_TOO_LARGE = "The calendar window is too large for one request: the gateway "
            + "splits it.";
    public static final String CONSENT_MISSING = "Grant admin consent for the app in Entra ID.";
    public static final String NO_ROLES = "Grant admin consent for the application permissions: the token carries "
            + "no roles claim.";
    public static final String USER_NOT_ASSIGNED = "Assign the user to the app, or turn off \"Assignment required\" "
            + "on the enterprise application.";
    public static final String BAD_CLIENT_SECRET = "Create a new client secret and copy its value (not its ID).";
    public static final String APP_NOT_FOUND = "Check the client id and the tenant: the app is not registered in "
            + "this tenant.";
    public static final String WRONG_PASSWORD = "Check the user name and the password.";
    public static final String MFA_REQUIRED = "The password grant cannot do MFA: switch to "
            + "OAUTH2_CLIENT_CREDENTIALS.";
    public static final String CONDITIONAL_ACCESS = "Blocked by Conditional Access: check the sign-in log in "
            + "Entra ID.";
    public static final String TLS_UNTRUSTED = "Add the server's internal CA to the profile (tls.caBundlePem); "
            + "never turn certificate verification off as a fix.";
    public static final String TLS_NAME = "The certificate does not name this host: use the host name the "
            + "certificate was issued for, or replace the certificate.";
    public static final String UNREACHABLE = "Check the service URL, DNS, firewall and outbound proxy.";
    public static final String GRAPH_FORBIDDEN = "Grant the app the Calendars.Read (or Calendars.ReadBasic.All) "
            + "application permission with admin consent, and include this mailbox in its RBAC for Applications scope.";
    public static final String GRAPH_TOKEN = "Graph refused the token: check the tenant id and that the scope is "
            + "https://graph.microsoft.com/.default.";
    public static final String GRAPH_ACCESS_POLICY = "The app has its permission, but an application access policy "
            + "or an RBAC for Applications scope leaves this mailbox out: add the mailbox to the policy's group "
            + "(Test-ApplicationAccessPolicy -Identity <room> -AppId <client id> tells), or to the management scope of "
            + "the app's role assignment (New-ManagementRoleAssignment -App ... -CustomResourceScope ...); changes "
            + "can take an hour to apply.";
    public static final String GRAPH_THROTTLED = "Graph is throttling the app for this mailbox (4 concurrent requests, "
            + "10,000 per 10 minutes): the gateway waits as long as Retry-After says and serves the cached schedule "
            + "meanwhile; reduce polling of this room if it persists.";
    public static final String GRAPH_NO_CALENDAR = "The calendar id is not one of this mailbox's calendars: pick "
            + "one from the mailbox's calendar tree, or leave folderId empty for the primary calendar.";
    public static final String GRAPH_FOREIGN_LINK = "Graph sent a paging link to another host than the profile's "
            + "serviceUrl; the gateway does not send the token there. Check serviceUrl and any proxy rewriting "
            + "responses.";
    public static final String MISSING_PERMISSION = "Add the application permission to the app registration "
            + "(API permissions > Microsoft Graph > Application permissions) and grant admin consent.";
    public static final String SLOW = "Exchange did not answer in time: check the server's load, or raise "
            + "gateway.ews.read-timeout.";
    public static final String CONCURRENCY = "All of this profile's EWS connections were busy: raise "
            + "gateway.ews.max-concurrency (keep replicas x concurrency under about 20 per service account).";
    public static final String DELEGATE_DENIED = "Give the service account FullAccess (or Reviewer on the calendar "
            + "folder) on this mailbox, or use IMPERSONATION.";
    public static final String ADD_ORGANIZER_TO_SUBJECT = "Set-CalendarProcessing -Identity <room> "
            + "-AddOrganizerToSubject $false -DeleteSubject $false";

    public static final String NOT_A_ROOM = "Add the mailbox to a room list (New-DistributionGroup -RoomList, then "
            + "Add-DistributionGroupMember), or bind it with allowNonRoom: true if door signs may show it.";
    public static final String NO_ROOM_LISTS = "Create a room list (New-DistributionGroup -Name <name> -RoomList), then "
            + "add the room mailboxes to it (Add-DistributionGroupMember -Identity <list> -Member <room>).";
    public static final String CIRCUIT_OPEN = "Exchange failed repeatedly: the gateway pauses calls to it for a while "
            + "and serves the last known schedules; check the server and the network.";

    private static final Map<String, String> BY_CODE = Map.ofEntries(
            Map.entry("ErrorImpersonateUserDenied", IMPERSONATION_DENIED),
            Map.entry("HTTP_403", EWS_FORBIDDEN),
            Map.entry("HTTP_401", UNAUTHORIZED),
            Map.entry("ErrorNonExistentMailbox", NO_MAILBOX),
            Map.entry("ErrorInvalidSmtpAddress", NO_MAILBOX),
            Map.entry("ErrorServerBusy", THROTTLED),
            Map.entry("ErrorExceededFindCountLimit", WINDOW_TOO_LARGE),
            Map.entry("ErrorCalendarViewRangeTooBig", WINDOW_TOO_LARGE),
            Map.entry("AADSTS65001", CONSENT_MISSING),
            Map.entry("NO_ROLES", NO_ROLES),
            Map.entry("AADSTS50105", USER_NOT_ASSIGNED),
            Map.entry("AADSTS7000215", BAD_CLIENT_SECRET),
            Map.entry("AADSTS7000222", BAD_CLIENT_SECRET),
            Map.entry("AADSTS700016", APP_NOT_FOUND),
            Map.entry("AADSTS50126", WRONG_PASSWORD),
            Map.entry("AADSTS50076", MFA_REQUIRED),
            Map.entry("AADSTS50079", MFA_REQUIRED),
            Map.entry("AADSTS53003", CONDITIONAL_ACCESS),
            Map.entry("TLS_UNTRUSTED", TLS_UNTRUSTED),
            Map.entry("TLS_EXPIRED", TLS_UNTRUSTED),
            Map.entry("TLS_HANDSHAKE", TLS_UNTRUSTED),
            Map.entry("TLS_ERROR", TLS_UNTRUSTED),
            Map.entry("TLS_HOSTNAME_MISMATCH", TLS_NAME),
            Map.entry("CONNECTION_REFUSED", UNREACHABLE),
            Map.entry("UNKNOWN_HOST", UNREACHABLE),
            Map.entry("NO_ROUTE", UNREACHABLE),
            Map.entry("CONNECT_TIMEOUT", UNREACHABLE),
            Map.entry("TOKEN_ENDPOINT_UNREACHABLE", UNREACHABLE),
            Map.entry("HTTP_429", THROTTLED),
            Map.entry("HTTP_503", THROTTLED),
            Map.entry("READ_TIMEOUT", SLOW),
            Map.entry("CONNECTION_LOST", UNREACHABLE),
            Map.entry("TOKEN_ENDPOINT_TIMEOUT", UNREACHABLE),
            Map.entry("TOKEN_ENDPOINT_TLS", TLS_UNTRUSTED),
            Map.entry("GATEWAY_CONCURRENCY_LIMIT", CONCURRENCY),
            Map.entry("ErrorImpersonationFailed", IMPERSONATION_DENIED),
            Map.entry("ErrorInvalidExchangeImpersonationHeaderData", NO_MAILBOX),
            Map.entry("ErrorAccessDenied", DELEGATE_DENIED),
            Map.entry("ADD_ORGANIZER_TO_SUBJECT", ADD_ORGANIZER_TO_SUBJECT),
            Map.entry("CIRCUIT_OPEN", CIRCUIT_OPEN),
            Map.entry("NO_ROOM_LISTS", NO_ROOM_LISTS),
            Map.entry("MISSING_PERMISSIONS", MISSING_PERMISSION),
            // only Graph throttles single mailboxes
            Map.entry("MAILBOX_BACKING_OFF", GRAPH_THROTTLED),
            Map.entry("GRAPH_FOREIGN_NEXT_LINK", GRAPH_FOREIGN_LINK));

    private Hints() {
    }

    /** The hint for a code, or null when we have nothing better than the message itself. */
    public static String forCode(String code) {
        return code == null ? null : BY_CODE.get(code);
    }
}
