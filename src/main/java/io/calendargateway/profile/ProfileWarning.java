package io.calendargateway.profile;

import java.util.List;

/** Something about a profile an admin should change, though it works today. */
public record ProfileWarning(String code, String message) {

    public static final ProfileWarning LEGACY_PASSWORD_GRANT = new ProfileWarning("LEGACY_PASSWORD_GRANT",
            "The OAuth2 password grant is legacy: it cannot do MFA, fails for federated users, and Microsoft advises "
                    + "against it. Use OAUTH2_CLIENT_CREDENTIALS, or a GRAPH profile.");
    public static final ProfileWarning EXCHANGE_ONLINE_EWS = new ProfileWarning("EXCHANGE_ONLINE_EWS_RETIREMENT",
            "EWS in Exchange Online works only for allow-listed apps and stops for good on 2027-04-01. "
                    + "Create a GRAPH profile for this tenant.");
    public static final ProfileWarning INSECURE_TLS = new ProfileWarning("INSECURE_TLS",
            "TLS certificate verification is off (tls.insecureSkipVerify): anyone on the network path can read the "
                    + "credentials. Add the server's CA to tls.caBundlePem instead.");
    public static final ProfileWarning PLAIN_HTTP = new ProfileWarning("PLAIN_HTTP",
            "The service URL uses plain http: credentials and calendars cross the network unencrypted.");

    /** Another profile claims one of this profile's mail domains; the older one serves their unbound rooms. */
    public static ProfileWarning domainOverlap(Profile other, List<String> domains, boolean otherServes) {
        return new ProfileWarning("DOMAIN_OVERLAP", "Profile '" + other.name + "' (" + other.id + ") claims "
                + String.join(", ", domains) + " too; " + (otherServes ? "it is older and serves" : "this profile is "
                + "older and serves") + " the unbound rooms of " + (domains.size() == 1 ? "that domain" : "those domains")
                + ". Remove the domain from one of them.");
    }
}
