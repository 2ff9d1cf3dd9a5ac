package io.calendargateway.simulator;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A sign-in identity with its rights: an on-premises Windows account (DOMAIN\\user, Basic or NTLM) or an
 * Entra ID user (UPN, password grant). Rights: ApplicationImpersonation scope, and delegate (FullAccess)
 * mailboxes. {@link #signInError(int)} makes the token endpoint fail this user with an AADSTS code.
 */
public final class Account {

    /** The management scope of the account's ApplicationImpersonation role assignment. */
    public enum Impersonation { NONE, ROOMS, ALL, LISTED }

    private final String netbiosDomain;
    private final String username;
    private String upn;
    private final String password;
    private String displayName;
    private Impersonation impersonation = Impersonation.NONE;
    private final Set<String> impersonationMailboxes = new LinkedHashSet<>();
    private final Set<String> delegateMailboxes = new LinkedHashSet<>();
    private int signInError;
    private int maxConcurrency = 27;
    private Tenant tenant;

    private Account(String netbiosDomain, String username, String upn, String password) {
        this.netbiosDomain = netbiosDomain;
        this.username = username;
        this.upn = upn;
        this.password = password;
        this.displayName = username;
    }

    /** An on-premises account {@code DOMAIN\\username}; its UPN is username@ the organization's first domain. */
    public static Account onPremises(String netbiosDomain, String username, String password) {
        return new Account(netbiosDomain, username, null, password);
    }

    /** An Entra ID (Exchange Online) user signing in with its UPN. */
    public static Account online(String upn, String password) {
        return new Account(null, upn.substring(0, upn.indexOf('@')), upn.toLowerCase(Locale.ROOT), password);
    }

    public Account displayName(String name) {
        this.displayName = name;
        return this;
    }

    /** ApplicationImpersonation on the given scope ({@code LISTED} takes the mailboxes). */
    public Account impersonation(Impersonation scope, String... mailboxes) {
        this.impersonation = scope;
        for (String m : mailboxes) {
            impersonationMailboxes.add(m.toLowerCase(Locale.ROOT));
        }
        return this;
    }

    /** FullAccess (delegate) on these mailboxes. */
    public Account delegateOf(String... mailboxes) {
        for (String m : mailboxes) {
            delegateMailboxes.add(m.toLowerCase(Locale.ROOT));
        }
        return this;
    }

    /** Token requests (password grant) for this user fail with this AADSTS code, e.g. 50076 (MFA). */
    public Account signInError(int aadstsCode) {
        this.signInError = aadstsCode;
        return this;
    }

    /** EWS concurrent requests allowed before ErrorServerBusy (Exchange's EWSMaxConcurrency, 27 by default). */
    public Account maxConcurrency(int limit) {
        this.maxConcurrency = limit;
        return this;
    }

    void attach(Tenant t) {
        this.tenant = t;
        if (upn == null) {
            upn = (username + "@" + t.primaryDomain()).toLowerCase(Locale.ROOT);
        }
    }

    public String netbiosDomain() {
        return netbiosDomain;
    }

    public String username() {
        return username;
    }

    public String upn() {
        return upn;
    }

    public String password() {
        return password;
    }

    public String displayName() {
        return displayName;
    }

    public Tenant tenant() {
        return tenant;
    }

    public int signInError() {
        return signInError;
    }

    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** The name used for throttling and call counting: DOMAIN\\user on-premises, the UPN online. */
    public String logonName() {
        return netbiosDomain != null ? netbiosDomain + "\\" + username : upn;
    }

    boolean mayImpersonate(Mailbox mailbox) {
        return switch (impersonation) {
            case NONE -> false;
            case ALL -> true;
            case ROOMS -> mailbox.type() == Mailbox.Type.ROOM || mailbox.type() == Mailbox.Type.EQUIPMENT;
            case LISTED -> impersonationMailboxes.contains(mailbox.smtp());
        };
    }

    boolean isDelegateOf(Mailbox mailbox) {
        return delegateMailboxes.contains(mailbox.smtp()) || mailbox.smtp().equalsIgnoreCase(upn);
    }

    boolean matchesLogon(String domain, String user) {
        if (user == null) {
            return false;
        }
        if (user.contains("@")) {
            return user.equalsIgnoreCase(upn);
        }
        boolean domainOk = domain == null || domain.isEmpty() || netbiosDomain == null
                || domain.equalsIgnoreCase(netbiosDomain)
                || (tenant != null && tenant.hasDomain(domain));
        return domainOk && user.equalsIgnoreCase(username);
    }
}
