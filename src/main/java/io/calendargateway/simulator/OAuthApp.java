package io.calendargateway.simulator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An Entra ID app registration in a tenant: client id and secret, whether an admin consented to its
 * application permissions (roles {@code full_access_as_app} for EWS; by default {@code Calendars.Read},
 * {@code Place.Read.All}, {@code User.Read.All} for Graph), whether its secret expired, and an optional
 * application access policy that limits which mailboxes it may read.
 */
public final class OAuthApp {

    /**
     * An Exchange Online application access policy ({@code New-ApplicationAccessPolicy -AccessRight RestrictAccess
     * -PolicyScopeGroupId group}): the app reads only the mailboxes of the group's members.
     */
    public record AccessPolicy(String group, Set<String> members) {
        boolean allows(Mailbox m) {
            return members.contains(m.smtp());
        }
    }

    private final String clientId;
    private final String displayName;
    private final String secret;
    private boolean adminConsent = true;
    private boolean secretExpired;
    private List<String> graphRoles = TokenService.GRAPH_APP_ROLES;
    private AccessPolicy accessPolicy;
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

    /** The Graph application permissions an admin consented to (the {@code roles} of a Graph token). */
    public OAuthApp graphRoles(String... roles) {
        this.graphRoles = List.of(roles);
        return this;
    }

    /** Restricts mailbox reads to the members of {@code group} (RBAC for Applications, RestrictAccess). */
    public OAuthApp restrictAccess(String group, String... memberSmtps) {
        Set<String> members = new LinkedHashSet<>();
        for (String m : memberSmtps) {
            members.add(m.toLowerCase(Locale.ROOT));
        }
        this.accessPolicy = new AccessPolicy(group.toLowerCase(Locale.ROOT), Set.copyOf(members));
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

    /** The application access policy, or null when the app may read every mailbox of its tenant. */
    public AccessPolicy accessPolicy() {
        return accessPolicy;
    }

    /** The {@code roles} claim of an app-only token for {@code audience}: empty without admin consent. */
    List<String> roles(String audience) {
        if (!adminConsent) {
            return List.of();
        }
        return TokenService.EWS_AUDIENCE.equals(audience) ? TokenService.EWS_APP_ROLES : graphRoles;
    }

    /** Whether the application access policy (if any) lets the app read {@code m}'s mailbox. */
    boolean mayRead(Mailbox m) {
        return accessPolicy == null || accessPolicy.allows(m);
    }
}
