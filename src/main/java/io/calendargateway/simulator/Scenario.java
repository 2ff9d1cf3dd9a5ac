package io.calendargateway.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the simulated Exchange knows: organizations (on-premises and online tenants), accounts with their
 * rights, app registrations, mailboxes with calendars, room lists, and autodiscover redirects.
 * Build one with the fluent methods (mailboxes, accounts and room lists find their organization by mail
 * domain), or start from {@link Scenarios#defaultScenario()}.
 */
public final class Scenario {

    /** An autodiscover answer other than the settings: a redirect to another address or to another URL. */
    public record AutodiscoverRedirect(Kind kind, String target) {
        public enum Kind { ADDRESS, URL }
    }

    private final LocalDate referenceDate;
    private final List<Tenant> tenants = new ArrayList<>();
    private final List<Account> accounts = new CopyOnWriteArrayList<>();
    private final List<OAuthApp> apps = new CopyOnWriteArrayList<>();
    private final Map<String, Mailbox> mailboxes = new LinkedHashMap<>();
    private final List<RoomList> roomLists = new CopyOnWriteArrayList<>();
    private final Map<String, AutodiscoverRedirect> autodiscoverRedirects = new LinkedHashMap<>();

    /** @param referenceDate "today" for scenarios that place events relative to a date */
    public Scenario(LocalDate referenceDate) {
        this.referenceDate = referenceDate;
    }

    public Scenario tenant(Tenant t) {
        tenants.add(t);
        return this;
    }

    /** Adds a mailbox to the organization owning its mail domain. */
    public synchronized Scenario mailbox(Mailbox m) {
        Tenant t = tenantForAddress(m.smtp())
                .orElseThrow(() -> new IllegalArgumentException("no organization owns " + m.smtp()));
        m.attach(t);
        mailboxes.put(m.smtp(), m);
        return this;
    }

    /** Adds an account: on-premises ones find their organization by Windows domain, online ones by UPN. */
    public Scenario account(Account a) {
        Tenant t = a.netbiosDomain() != null
                ? tenants.stream().filter(x -> a.netbiosDomain().equalsIgnoreCase(x.netbiosDomain())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no organization " + a.netbiosDomain()))
                : tenantForAddress(a.upn()).orElseThrow(() -> new IllegalArgumentException("no tenant " + a.upn()));
        a.attach(t);
        accounts.add(a);
        return this;
    }

    public Scenario app(String tenantName, OAuthApp app) {
        app.attach(tenant(tenantName).orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantName)));
        apps.add(app);
        return this;
    }

    public Scenario roomList(RoomList list) {
        tenantForAddress(list.smtp()).orElseThrow(() -> new IllegalArgumentException("no organization " + list.smtp()));
        roomLists.add(list);
        return this;
    }

    /** Autodiscover for {@code email} answers redirectAddr (POX) / RedirectAddress (SOAP) to {@code target}. */
    public synchronized Scenario autodiscoverRedirectAddress(String email, String target) {
        autodiscoverRedirects.put(email.toLowerCase(Locale.ROOT),
                new AutodiscoverRedirect(AutodiscoverRedirect.Kind.ADDRESS, target));
        return this;
    }

    /**
     * Autodiscover for {@code email} answers redirectUrl / RedirectUrl. The URL may contain {@code {http}} or
     * {@code {https}}, replaced by the simulator's base URLs (e.g. {@code {https}/autodiscover/autodiscover.xml}).
     * Without a query string every request for the address is redirected, the target's too (a redirect loop);
     * with one ({@code {https}/autodiscover/autodiscover.xml?hop=1}) requests carrying that query are answered
     * with the settings, as the server the redirect points at would.
     */
    public synchronized Scenario autodiscoverRedirectUrl(String email, String url) {
        autodiscoverRedirects.put(email.toLowerCase(Locale.ROOT),
                new AutodiscoverRedirect(AutodiscoverRedirect.Kind.URL, url));
        return this;
    }

    /** Autodiscover for {@code email} answers with the settings again. */
    public synchronized Scenario withoutAutodiscoverRedirect(String email) {
        autodiscoverRedirects.remove(email.toLowerCase(Locale.ROOT));
        return this;
    }

    public LocalDate referenceDate() {
        return referenceDate;
    }

    public List<Tenant> tenants() {
        return tenants;
    }

    public List<Account> accounts() {
        return accounts;
    }

    public List<OAuthApp> apps() {
        return apps;
    }

    public synchronized List<Mailbox> mailboxes() {
        return new ArrayList<>(mailboxes.values());
    }

    public List<RoomList> roomLists() {
        return roomLists;
    }

    public Optional<Tenant> tenant(String nameOrIdOrDomain) {
        if (nameOrIdOrDomain == null) {
            return Optional.empty();
        }
        return tenants.stream()
                .filter(t -> t.name().equalsIgnoreCase(nameOrIdOrDomain) || t.id().equalsIgnoreCase(nameOrIdOrDomain)
                        || t.hasDomain(nameOrIdOrDomain))
                .findFirst();
    }

    public Optional<Tenant> tenantForAddress(String email) {
        if (email == null || !email.contains("@")) {
            return Optional.empty();
        }
        String domain = email.substring(email.indexOf('@') + 1);
        return tenants.stream().filter(t -> t.hasDomain(domain)).findFirst();
    }

    public synchronized Optional<Mailbox> mailbox(String smtp) {
        return smtp == null ? Optional.empty() : Optional.ofNullable(mailboxes.get(smtp.toLowerCase(Locale.ROOT)));
    }

    public Optional<RoomList> roomList(String smtp) {
        return roomLists.stream().filter(r -> r.smtp().equalsIgnoreCase(smtp)).findFirst();
    }

    public Optional<OAuthApp> app(Tenant tenant, String clientId) {
        return apps.stream().filter(a -> a.tenant() == tenant && a.clientId().equalsIgnoreCase(clientId)).findFirst();
    }

    public Optional<Account> accountByUpn(String upn) {
        return accounts.stream().filter(a -> a.upn().equalsIgnoreCase(upn)).findFirst();
    }

    Optional<Account> accountByLogon(String domain, String user) {
        return accounts.stream().filter(a -> a.matchesLogon(domain, user)).findFirst();
    }

    synchronized Optional<AutodiscoverRedirect> autodiscoverRedirect(String email) {
        return Optional.ofNullable(autodiscoverRedirects.get(email.toLowerCase(Locale.ROOT)));
    }

    List<Mailbox> mailboxesOf(Tenant t) {
        return mailboxes().stream().filter(m -> m.tenant() == t).toList();
    }

    List<RoomList> roomListsOf(Tenant t) {
        return roomLists.stream().filter(r -> tenantForAddress(r.smtp()).orElse(null) == t).toList();
    }
}
