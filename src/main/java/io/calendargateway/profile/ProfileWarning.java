package io.calendargateway.profile;

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
}
