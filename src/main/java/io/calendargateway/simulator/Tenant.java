package io.calendargateway.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An Exchange organization: an on-premises Exchange Server organization or an Exchange Online tenant.
 * Mail domains route autodiscover and tokens; online tenants also carry the EWS switch of late 2026
 * ({@code EWSEnabled} plus an allow-list of application ids).
 */
public final class Tenant {

    public enum Kind { ON_PREMISES, ONLINE }

    /** What the server puts in {@code h:ServerVersionInfo}. */
    public record ServerVersion(int major, int minor, int majorBuild, int minorBuild, String version) {
        public static final ServerVersion EXCHANGE_SE = new ServerVersion(15, 2, 2562, 17, "V2017_07_11");
        public static final ServerVersion EXCHANGE_ONLINE = new ServerVersion(15, 20, 8293, 21, "V2018_01_08");
    }

    private final String id;
    private final String name;
    private final Kind kind;
    private final List<String> domains = new ArrayList<>();
    private String netbiosDomain;
    private boolean ewsEnabled = true;
    private final Set<String> ewsAllowedAppIds = new LinkedHashSet<>();
    private ServerVersion serverVersion;
    private String legacyDnOrganization;

    private Tenant(String id, String name, Kind kind, String... domains) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        for (String d : domains) {
            this.domains.add(d.toLowerCase(Locale.ROOT));
        }
        this.serverVersion = kind == Kind.ONLINE ? ServerVersion.EXCHANGE_ONLINE : ServerVersion.EXCHANGE_SE;
        this.legacyDnOrganization = kind == Kind.ONLINE ? "ExchangeLabs" : name;
    }

    /** An on-premises organization; {@code netbiosDomain} is the Windows domain of its accounts (CONTOSO). */
    public static Tenant onPremises(String name, String netbiosDomain, String... domains) {
        Tenant t = new Tenant(Ids.guidFrom("org:" + name), name, Kind.ON_PREMISES, domains);
        t.netbiosDomain = netbiosDomain;
        return t;
    }

    /** An Exchange Online tenant with its directory (tenant) id. */
    public static Tenant online(String tenantId, String name, String... domains) {
        return new Tenant(tenantId, name, Kind.ONLINE, domains);
    }

    /** Switches EWS off for the tenant (HTTP 403 on EWS), except for the given allow-listed application ids. */
    public Tenant ewsDisabled(String... allowedAppIds) {
        this.ewsEnabled = false;
        this.ewsAllowedAppIds.addAll(List.of(allowedAppIds));
        return this;
    }

    public Tenant serverVersion(ServerVersion version) {
        this.serverVersion = version;
        return this;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public boolean online() {
        return kind == Kind.ONLINE;
    }

    public List<String> domains() {
        return domains;
    }

    /** The first domain: where the organization's mailboxes live. */
    public String primaryDomain() {
        return domains.get(0);
    }

    public String netbiosDomain() {
        return netbiosDomain;
    }

    public boolean ewsEnabled() {
        return ewsEnabled;
    }

    public boolean ewsAllowedFor(String appId) {
        return ewsEnabled || (appId != null && ewsAllowedAppIds.contains(appId));
    }

    public ServerVersion serverVersion() {
        return serverVersion;
    }

    String legacyDnOrganization() {
        return legacyDnOrganization;
    }

    boolean hasDomain(String domain) {
        return domain != null && domains.contains(domain.toLowerCase(Locale.ROOT));
    }
}
