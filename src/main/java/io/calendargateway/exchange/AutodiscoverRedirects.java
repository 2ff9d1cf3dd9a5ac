package io.calendargateway.exchange;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which redirects autodiscover follows. An autodiscover answer can send the gateway, with the account's
 * credentials, anywhere; it follows only https URLs whose host is in the searched address's domain (or a
 * sub-domain) or in the configured allowed hosts, and redirect addresses in those domains.
 */
final class AutodiscoverRedirects {

    private final String domain;
    private final List<String> allowedHosts;

    /**
     * @param domain the mail domain of the address the search started with
     * @param allowedHosts further hosts (each with its sub-domains) that redirects may lead to
     */
    AutodiscoverRedirects(String domain, List<String> allowedHosts) {
        this.domain = normalize(domain);
        this.allowedHosts = allowedHosts.stream().filter(Objects::nonNull).map(AutodiscoverRedirects::normalize)
                .filter(h -> !h.isEmpty()).toList();
    }

    /** Null when the gateway may follow a redirect to {@code url}, else why not. */
    String refusal(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return "the redirect target '" + url + "' is not a URL";
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return "the redirect target " + url + " is not https";
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return "the redirect target " + url + " has no plain host";
        }
        return allowed(uri.getHost()) ? null : "the redirect target host " + uri.getHost()
                + " is outside " + domain + " and gateway.autodiscover.allowed-hosts";
    }

    /** Null when the search may continue with {@code address}, else why not. */
    String addressRefusal(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return "the redirect address '" + address + "' is not an e-mail address";
        }
        String host = address.substring(at + 1);
        return allowed(host) ? null : "the redirect address " + address + " is outside " + domain
                + " and gateway.autodiscover.allowed-hosts";
    }

    private boolean allowed(String host) {
        String h = normalize(host);
        if (within(h, domain)) {
            return true;
        }
        return allowedHosts.stream().anyMatch(allowed -> within(h, allowed));
    }

    private static boolean within(String host, String parent) {
        return host.equals(parent) || host.endsWith("." + parent);
    }

    private static String normalize(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
