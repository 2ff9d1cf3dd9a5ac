package io.calendargateway.simulator;

/**
 * An Entra ID app registration in a tenant: client id and secret, whether an admin consented to its
 * permissions (application roles {@code full_access_as_app} for EWS; {@code Calendars.Read},
 * {@code Place.Read.All}, {@code User.Read.All} for Graph) and whether its secret expired.
 */
public final class OAuthApp {

    private final String clientId;
    private final String displayName;
    private final String secret;
    private boolean adminConsent = true;
    private boolean secretExpired;
    private Tenant tenant;

    public OAuthApp(String clientId, String displayName, String secret) {
        this.clientId = clientId;
        this.displayName = displayName;
        this.secret = secret;
    }

    /** No admin consent: client-credentials tokens carry no roles; password grants fail with AADSTS65001. */
    public OAuthApp withoutConsent() {
        this.adminConsent = false;
        return this;
    }

    /** Every secret is rejected with AADSTS7000222. */
    public OAuthApp secretExpired() {
        this.secretExpired = true;
        return this;
    }

    void attach(Tenant t) {
        this.tenant = t;
    }

    public String clientId() {
        return clientId;
    }

    public String displayName() {
        return displayName;
    }

    public String secret() {
        return secret;
    }

    public boolean adminConsent() {
        return adminConsent;
    }

    public boolean isSecretExpired() {
        return secretExpired;
    }

    public Tenant tenant() {
        return tenant;
    }
}
