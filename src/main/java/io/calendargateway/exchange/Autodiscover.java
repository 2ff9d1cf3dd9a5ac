package io.calendargateway.exchange;

import io.calendargateway.config.AutodiscoverConfig;
import io.calendargateway.error.ProblemException;
import io.calendargateway.exchange.AutodiscoverResult.Attempt;
import io.calendargateway.exchange.AutodiscoverResult.Method;
import io.calendargateway.profile.AuthType;
import io.calendargateway.profile.CaBundle;
import io.calendargateway.upstream.Outbound;
import io.calendargateway.upstream.TlsTrust;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the EWS URL of an e-mail address, in the order Outlook and the EWS documentation use:
 * <ol>
 *   <li>POX ({@code autodiscover.xml}) and SOAP GetUserSettings ({@code autodiscover.svc}) at
 *       {@code https://<domain>}, then at {@code https://autodiscover.<domain>};</li>
 *   <li>the unauthenticated probe {@code GET http://autodiscover.<domain>/autodiscover/autodiscover.xml}, whose
 *       302 leads to an https URL for POX;</li>
 *   <li>Autodiscover v2 JSON (Office 365).</li>
 * </ol>
 * DNS SRV lookup ({@code _autodiscover._tcp}) is not done: the JDK has no SRV resolver without JNDI DNS, and
 * hosted setups that rely on it also answer the redirect probe or v2.
 * <p>
 * Answers may redirect to another address (the search starts over for it) or URL. Redirects are followed only to
 * https hosts in the searched address's domain or in {@code gateway.autodiscover.allowed-hosts}, and at most
 * {@code max-redirects} times; a redirect back to an address or URL already asked ends the search as a loop.
 * Every request is bounded by {@code gateway.autodiscover.timeout} and reported as an {@link Attempt}.
 * ews-java-api's own autodiscover is not used: it has no timeouts and refuses redirects.
 */
@ApplicationScoped
public class Autodiscover {

    private static final Logger LOG = Logger.getLogger(Autodiscover.class);
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /** Credentials for the POX and SOAP requests. {@link #toString()} hides the password. */
    public record Credentials(EwsAuth type, String username, String password, String domain) {

        public Credentials {
            if (type != EwsAuth.BASIC && type != EwsAuth.NTLM) {
                throw new IllegalArgumentException("autodiscover signs in with BASIC or NTLM");
            }
        }

        /** Credentials for a BASIC or NTLM sign-in; null for other kinds, which ask anonymously. */
        public static Credentials of(AuthType type, String username, String password, String domain) {
            if (type != AuthType.BASIC && type != AuthType.NTLM) {
                return null;
            }
            return new Credentials(type == AuthType.NTLM ? EwsAuth.NTLM : EwsAuth.BASIC, username.strip(), password,
                    domain == null || domain.isBlank() ? null : domain.strip());
        }

        @Override
        public String toString() {
            return "Credentials[type=" + type + ", username=" + username + ", domain=" + domain + ", password=***]";
        }
    }

    /**
     * How to reach the autodiscover hosts.
     *
     * @param caBundlePem PEM certificates trusted besides the JDK's, or null
     * @param insecureSkipVerify trust any certificate (a profile's explicit, logged opt-in)
     * @param proxy outbound proxy {@code http://[user:password@]host:port}, or null for a direct connection
     */
    public record Connection(String caBundlePem, boolean insecureSkipVerify, URI proxy) {
    }

    /** One candidate of the standard order. */
    record Candidate(Method method, String url) {
    }

    private final AutodiscoverConfig config;
    private final Outbound outbound;
    private final Map<String, String> hostMap;
    private final Map<String, String> httpHostMap;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "autodiscover-deadline");
        t.setDaemon(true);
        return t;
    });

    public Autodiscover(AutodiscoverConfig config, Outbound outbound) {
        this.config = config;
        this.outbound = outbound;
        this.hostMap = normalizedKeys(config.hostMap());
        this.httpHostMap = normalizedKeys(config.httpHostMap());
    }

    /**
     * How autodiscover reaches its hosts for a profile (or a profile being created, or none): its own CA bundle,
     * else the configured autodiscover CA (read for every search, so a replaced file, such as a rotated Kubernetes
     * Secret or demo mode's new simulator certificate, applies without a restart); its own proxy, else the default
     * one.
     *
     * @param caBundlePem the profile's PEM bundle, or null
     * @param proxy the profile's outbound proxy, or null
     */
    public Connection connection(String caBundlePem, boolean insecureSkipVerify, String proxy) {
        return new Connection(caBundlePem != null && !caBundlePem.isBlank() ? caBundlePem : configuredCa(config),
                insecureSkipVerify, outbound.proxy(proxy));
    }

    /**
     * Searches the EWS URL of {@code email} on a worker thread (the requests block). Fails with a 400 problem for
     * an address without a usable domain and with a 502 problem ({@code AUTODISCOVER_FAILED}) when nothing
     * answers with a URL; the item is delivered on the worker thread.
     *
     * @param credentials sign-in for POX and SOAP, or null to ask anonymously
     */
    public Uni<AutodiscoverResult> discover(String email, Credentials credentials, Connection connection) {
        return Uni.createFrom().item(() -> search(email, credentials, connection))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Blocking: the search itself. */
    AutodiscoverResult search(String email, Credentials credentials, Connection connection) {
        String address = email == null ? "" : email.strip();
        String domain = domainOf(address);
        if (domain == null) {
            throw ProblemException.badRequest("'" + email + "' has no mail domain autodiscover can use");
        }
        try (AutodiscoverHttp http = new AutodiscoverHttp(credentials, connection, config.timeout(), timer)) {
            Search search = new Search(http, new AutodiscoverRedirects(domain, config.allowedHosts().orElse(List.of())),
                    credentials != null);
            AutodiscoverResult result = search.run(address);
            if (result == null) {
                throw failure(address, domain, search.attempts, credentials != null);
            }
            LOG.infof("Autodiscover for %s found %s by %s after %d attempt(s)", address, result.serviceUrl(),
                    result.method(), result.attempts().size());
            return result;
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** The standard order's https candidates for a domain, with the host map applied. */
    static List<Candidate> candidates(String domain, Map<String, String> hostMap) {
        List<Candidate> result = new ArrayList<>();
        for (String host : List.of(domain, "autodiscover." + domain)) {
            String authority = mapped(host, domain, hostMap);
            result.add(new Candidate(Method.POX, "https://" + authority + "/autodiscover/autodiscover.xml"));
            result.add(new Candidate(Method.SOAP, "https://" + authority + "/autodiscover/autodiscover.svc"));
        }
        return result;
    }

    /** The redirect probe's URL for a domain, with the HTTP host map applied. */
    static String probeUrl(String domain, Map<String, String> httpHostMap) {
        return "http://" + mapped("autodiscover." + domain, domain, httpHostMap) + "/autodiscover/autodiscover.xml";
    }

    static String v2Url(String base, String email) {
        return base + (base.contains("?") ? "&" : "?") + "Email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&Protocol=EWS";
    }

    private static String mapped(String host, String domain, Map<String, String> map) {
        String exact = map.get(host);
        if (exact != null) {
            return exact;
        }
        return map.getOrDefault(domain, host);
    }

    static String domainOf(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return null;
        }
        String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
        return DOMAIN.matcher(domain).matches() ? domain : null;
    }

    // ------------------------------------------------------------------ the search

    /** Where a step of the search left it. */
    private record Step(Kind kind, String serviceUrl, Method method) {
        enum Kind { FOUND, NEXT, RESTART, STOP }

        static final Step NEXT = new Step(Kind.NEXT, null, null);
        static final Step RESTART = new Step(Kind.RESTART, null, null);
        static final Step STOP = new Step(Kind.STOP, null, null);

        static Step found(String serviceUrl, Method method) {
            return new Step(Kind.FOUND, serviceUrl, method);
        }
    }

    /** The state of one search: its attempts, the redirects followed, what was asked already. */
    private final class Search {
        final List<Attempt> attempts = new ArrayList<>();
        private final AutodiscoverHttp http;
        private final AutodiscoverRedirects redirects;
        private final boolean signedIn;
        private final Set<String> asked = new HashSet<>();
        private int redirectCount;
        private String address;

        Search(AutodiscoverHttp http, AutodiscoverRedirects redirects, boolean signedIn) {
            this.http = http;
            this.redirects = redirects;
            this.signedIn = signedIn;
        }

        /** The result, or null when nothing answered (the attempts say why). */
        AutodiscoverResult run(String email) {
            address = email;
            asked.add("address " + email.toLowerCase(Locale.ROOT));
            while (true) {
                Step step = forAddress();
                switch (step.kind()) {
                    case FOUND:
                        return new AutodiscoverResult(step.serviceUrl(), step.method(), List.copyOf(attempts));
                    case RESTART:
                        continue;
                    default:
                        return null;
                }
            }
        }

        private Step forAddress() {
            String domain = domainOf(address);
            if (domain == null) {
                return Step.STOP;
            }
            Set<String> tried = new HashSet<>();
            for (Candidate candidate : candidates(domain, hostMap)) {
                if (tried.add(candidate.url().toLowerCase(Locale.ROOT))) {
                    Step step = endpoint(candidate.method(), candidate.url(), candidate.method());
                    if (step.kind() != Step.Kind.NEXT) {
                        return step;
                    }
                }
            }
            Step step = probe(domain);
            return step.kind() != Step.Kind.NEXT ? step : v2();
        }

        /** POX or SOAP at {@code url}, following validated redirect URLs. */
        private Step endpoint(Method protocol, String url, Method reportedAs) {
            String current = url;
            asked.add(urlKey(protocol, current));
            while (true) {
                long started = System.nanoTime();
                AutodiscoverHttp.Reply reply;
                try {
                    reply = protocol == Method.POX
                            ? http.post(current, AutodiscoverMessages.poxRequest(address), null)
                            : http.post(current, AutodiscoverMessages.soapRequest(address, current),
                                    AutodiscoverMessages.SOAP_ACTION);
                } catch (AutodiscoverHttp.Failure f) {
                    record(current, f.outcome.name(), started, f.getMessage());
                    return Step.NEXT;
                }
                AutodiscoverAnswer answer;
                if (reply.status() == 200) {
                    answer = protocol == Method.POX ? AutodiscoverMessages.readPox(reply.body())
                            : AutodiscoverMessages.readSoap(reply.body());
                } else if (isRedirect(reply)) {
                    answer = AutodiscoverAnswer.redirectUrl(resolve(current, reply.location()));
                } else {
                    record(current, AutodiscoverOutcome.http(reply.status()), started, httpDetail(reply, protocol));
                    return Step.NEXT;
                }
                switch (answer.kind()) {
                    case SETTINGS -> {
                        record(current, AutodiscoverOutcome.OK.name(), started, null);
                        return Step.found(answer.value(), reportedAs);
                    }
                    case REDIRECT_ADDRESS -> {
                        return redirectAddress(current, started, answer.value());
                    }
                    case REDIRECT_URL -> {
                        String target = answer.value();
                        String refusal = redirects.refusal(target);
                        if (refusal != null) {
                            record(current, AutodiscoverOutcome.REDIRECT_REFUSED.name(), started, refusal);
                            return Step.NEXT;
                        }
                        if (!asked.add(urlKey(protocol, target))) {
                            record(current, AutodiscoverOutcome.LOOP.name(), started,
                                    "redirect back to " + target + ", already asked for " + address);
                            return Step.STOP;
                        }
                        if (!countRedirect(current, started)) {
                            return Step.STOP;
                        }
                        record(current, AutodiscoverOutcome.REDIRECT_URL.name(), started, "to " + target);
                        current = target;
                    }
                    case ERROR -> {
                        record(current, AutodiscoverOutcome.AUTODISCOVER_ERROR.name(), started, answer.message());
                        return Step.NEXT;
                    }
                    default -> {
                        record(current, AutodiscoverOutcome.INVALID_RESPONSE.name(), started, answer.message());
                        return Step.NEXT;
                    }
                }
            }
        }

        private Step redirectAddress(String url, long started, String target) {
            String refusal = domainOf(target) == null ? "the redirect address '" + target + "' has no usable domain"
                    : redirects.addressRefusal(target);
            if (refusal != null) {
                record(url, AutodiscoverOutcome.REDIRECT_REFUSED.name(), started, refusal);
                return Step.NEXT;
            }
            if (!asked.add("address " + target.toLowerCase(Locale.ROOT))) {
                record(url, AutodiscoverOutcome.LOOP.name(), started,
                        "redirect from " + address + " back to " + target + ", already searched");
                return Step.STOP;
            }
            if (!countRedirect(url, started)) {
                return Step.STOP;
            }
            record(url, AutodiscoverOutcome.REDIRECT_ADDRESS.name(), started, "from " + address + " to " + target);
            address = target;
            return Step.RESTART;
        }

        /** The unauthenticated GET whose 302 names an https autodiscover URL; POX goes there. */
        private Step probe(String domain) {
            String url = probeUrl(domain, httpHostMap);
            long started = System.nanoTime();
            AutodiscoverHttp.Reply reply;
            try {
                reply = http.get(url, null);
            } catch (AutodiscoverHttp.Failure f) {
                record(url, f.outcome.name(), started, f.getMessage());
                return Step.NEXT;
            }
            if (!isRedirect(reply)) {
                boolean error = reply.status() >= 400;
                record(url, error ? AutodiscoverOutcome.http(reply.status())
                        : AutodiscoverOutcome.INVALID_RESPONSE.name(), started,
                        error ? null : "HTTP " + reply.status() + " instead of a redirect");
                return Step.NEXT;
            }
            String target = resolve(url, reply.location());
            String refusal = redirects.refusal(target);
            if (refusal != null) {
                record(url, AutodiscoverOutcome.REDIRECT_REFUSED.name(), started, refusal);
                return Step.NEXT;
            }
            if (!asked.add(urlKey(Method.POX, target))) {
                record(url, AutodiscoverOutcome.LOOP.name(), started, "redirect to " + target + ", already asked");
                return Step.STOP;
            }
            if (!countRedirect(url, started)) {
                return Step.STOP;
            }
            record(url, AutodiscoverOutcome.REDIRECT_URL.name(), started, "to " + target);
            return endpoint(Method.POX, target, Method.REDIRECT_PROBE);
        }

        /** Autodiscover v2 (Office 365): a GET without credentials. */
        private Step v2() {
            String url = v2Url(config.v2Url(), address);
            long started = System.nanoTime();
            AutodiscoverHttp.Reply reply;
            try {
                reply = http.get(url, "application/json");
            } catch (AutodiscoverHttp.Failure f) {
                record(url, f.outcome.name(), started, f.getMessage());
                return Step.NEXT;
            }
            AutodiscoverAnswer answer = AutodiscoverMessages.readV2(reply.body());
            if (reply.status() != 200) {
                String detail = isRedirect(reply) ? "redirect to " + reply.location() + " (not followed)"
                        : answer.kind() == AutodiscoverAnswer.Kind.ERROR ? answer.message() : null;
                record(url, AutodiscoverOutcome.http(reply.status()), started, detail);
                return Step.NEXT;
            }
            switch (answer.kind()) {
                case SETTINGS -> {
                    record(url, AutodiscoverOutcome.OK.name(), started, null);
                    return Step.found(answer.value(), Method.V2_JSON);
                }
                case ERROR -> record(url, AutodiscoverOutcome.AUTODISCOVER_ERROR.name(), started, answer.message());
                default -> record(url, AutodiscoverOutcome.INVALID_RESPONSE.name(), started, answer.message());
            }
            return Step.NEXT;
        }

        private boolean countRedirect(String url, long started) {
            if (++redirectCount > config.maxRedirects()) {
                record(url, AutodiscoverOutcome.LOOP.name(), started,
                        "more than " + config.maxRedirects() + " redirects");
                return false;
            }
            return true;
        }

        private String httpDetail(AutodiscoverHttp.Reply reply, Method protocol) {
            if (reply.status() == 401) {
                return signedIn ? "the server refused the credentials" : "the server asks for credentials";
            }
            if (protocol == Method.SOAP && reply.status() == 500) {
                AutodiscoverAnswer fault = AutodiscoverMessages.readSoap(reply.body());
                return fault.kind() == AutodiscoverAnswer.Kind.ERROR ? fault.message() : null;
            }
            return null;
        }

        private void record(String url, String outcome, long startedNanos, String detail) {
            long millis = (System.nanoTime() - startedNanos) / 1_000_000;
            attempts.add(new Attempt(url, outcome, millis, detail));
            LOG.debugf("Autodiscover %s: %s %s (%d ms)%s", address, url, outcome, millis,
                    detail == null ? "" : " " + detail);
        }

        private String urlKey(Method protocol, String url) {
            return "url " + protocol + " " + address.toLowerCase(Locale.ROOT) + " " + url;
        }
    }

    private static boolean isRedirect(AutodiscoverHttp.Reply reply) {
        int s = reply.status();
        return (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) && reply.location() != null;
    }

    private static String resolve(String base, String location) {
        try {
            return URI.create(base).resolve(location.strip()).toString();
        } catch (IllegalArgumentException e) {
            return location;
        }
    }

    // ------------------------------------------------------------------ failure

    private static final Set<AutodiscoverOutcome> SHOWN_DETAIL = EnumSet.of(AutodiscoverOutcome.LOOP,
            AutodiscoverOutcome.REDIRECT_REFUSED, AutodiscoverOutcome.TLS_UNTRUSTED,
            AutodiscoverOutcome.AUTODISCOVER_ERROR);

    /** The 502 problem: every attempt in one line of {@code detail}, and the hint for the likeliest cause. */
    static ProblemException failure(String email, String domain, List<Attempt> attempts, boolean signedIn) {
        String summary = attempts.stream().map(a -> a.url() + " " + a.outcome() + (a.detail() != null
                && SHOWN_DETAIL.stream().anyMatch(o -> o.name().equals(a.outcome())) ? " (" + a.detail() + ")" : ""))
                .collect(Collectors.joining("; "));
        String detail = "Autodiscover found no EWS URL for " + email + " after " + attempts.size() + " attempt(s): "
                + summary;
        return new ProblemException(502, "autodiscover-failed", "Autodiscover failed", detail, "AUTODISCOVER_FAILED",
                hint(domain, attempts, signedIn), Map.of());
    }

    static String hint(String domain, List<Attempt> attempts, boolean signedIn) {
        Set<String> outcomes = attempts.stream().map(Attempt::outcome).collect(Collectors.toSet());
        if (outcomes.contains(AutodiscoverOutcome.LOOP.name())) {
            return "The autodiscover answers redirect in a circle or too often: correct the redirect (the mailbox's "
                    + "targetAddress or the autodiscover virtual directory), or give serviceUrl directly";
        }
        if (outcomes.contains(AutodiscoverOutcome.TLS_UNTRUSTED.name())) {
            return "The autodiscover server's certificate is not trusted: add its CA to the profile (tls.caBundlePem),"
                    + " or to gateway.autodiscover.ca-bundle-pem for requests without a profile";
        }
        if (outcomes.contains(AutodiscoverOutcome.REDIRECT_REFUSED.name())) {
            return "A redirect left " + domain + " and was not followed: if that host is yours, add it to "
                    + "gateway.autodiscover.allowed-hosts (redirects must be https)";
        }
        if (outcomes.contains(AutodiscoverOutcome.http(401))) {
            return signedIn ? "Check user name, password and domain, and whether the autodiscover virtual directory "
                    + "accepts Basic or NTLM" : "Autodiscover needs credentials: send auth (BASIC or NTLM) or a "
                    + "profileId";
        }
        if (outcomes.contains(AutodiscoverOutcome.AUTODISCOVER_ERROR.name())) {
            return "Exchange does not know this address: check it, and that the mailbox exists and is not hidden";
        }
        return "No autodiscover endpoint answered: check that " + domain + " and autodiscover." + domain
                + " resolve and are reachable from the gateway, or give serviceUrl directly";
    }

    // ------------------------------------------------------------------ configuration

    private static String configuredCa(AutodiscoverConfig config) {
        StringBuilder pem = new StringBuilder();
        config.caBundlePem().filter(s -> !s.isBlank()).ifPresent(pem::append);
        config.caBundleFile().ifPresent(file -> {
            try {
                pem.append('\n').append(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException("gateway.autodiscover.ca-bundle-file " + file + " cannot be read", e);
            }
        });
        if (pem.toString().isBlank()) {
            return null;
        }
        CaBundle.parse(pem.toString());
        return pem.toString();
    }

    private static Map<String, String> normalizedKeys(Map<String, String> map) {
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(key.replace("\"", "").strip().toLowerCase(Locale.ROOT), value.strip()));
        return result;
    }
}
