package io.calendargateway.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.calendargateway.config.GraphConfig;
import io.calendargateway.oauth.JwtClaims;
import io.calendargateway.oauth.ProfileTokens;
import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileService;
import io.calendargateway.upstream.Hints;
import io.calendargateway.upstream.Outbound;
import io.calendargateway.upstream.ProfileGuards;
import io.calendargateway.upstream.TlsTrust;
import io.calendargateway.upstream.TransportErrors;
import io.calendargateway.upstream.UpstreamException;
import io.calendargateway.upstream.UpstreamFailure;
import io.calendargateway.upstream.UpstreamFailure.Kind;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The gateway's Microsoft Graph client: one JDK HTTP client per profile version (its TLS trust, proxy and connect
 * timeout; dropped when the profile changes), the profile's token on every request, paging through
 * {@code @odata.nextLink} only on the profile's own Graph host (a link elsewhere would receive the token), and
 * Graph's limits per mailbox: at most {@code gateway.graph.max-concurrency-per-mailbox} requests at once, and a
 * mailbox that got 429 is not called again until its {@code Retry-After} has passed ({@link ProfileGuards} keeps
 * that back-off beside the profile's). Nothing here ever sleeps:
 * a call that may not go out fails at once and the room is served from cache. Blocking: call on a worker thread.
 */
@ApplicationScoped
public class GraphClient {

    private static final Logger LOG = Logger.getLogger(GraphClient.class);

    private record Versioned(int version, HttpClient client) {
    }

    private record MailboxKey(UUID profileId, int version, String mailbox) {
    }

    /** Requests of one call: the same token, client and headers for every page. */
    public final class Session {
        private final Profile profile;
        private final HttpClient client;
        private final String token;
        private final URI base;

        private Session(Profile profile, HttpClient client, String token) {
            this.profile = profile;
            this.client = client;
            this.token = token;
            this.base = URI.create(profile.serviceUrl.strip().replaceAll("/+$", ""));
        }

        /** One GET of {@code path} (below the profile's Graph base URL) with {@code query}. */
        public JsonNode get(String path, Map<String, String> query, Map<String, String> headers) {
            return get(url(path, query), headers);
        }

        /**
         * Every item of a collection: the {@code value} of each page, following {@code @odata.nextLink} with the
         * same headers until the last page.
         *
         * @throws UpstreamException when a next link points at another host than the profile's Graph host
         */
        public List<JsonNode> all(String path, Map<String, String> query, Map<String, String> headers) {
            List<JsonNode> items = new ArrayList<>();
            URI next = url(path, query);
            while (next != null) {
                JsonNode page = get(next, headers);
                page.path("value").forEach(items::add);
                String link = page.path("@odata.nextLink").asText(null);
                next = link == null ? null : sameHost(link);
            }
            return items;
        }

        /** The permissions the token carries, or null when it is not a JWT (Graph's tokens are). */
        GraphPermissions permissions() {
            try {
                return GraphPermissions.of(JwtClaims.decode(token));
            } catch (RuntimeException notJwt) {
                return null;
            }
        }

        /** Whether the token carries application permissions or delegated scopes (not so: consent is missing). */
        private boolean tokenHasPermissions() {
            GraphPermissions permissions = permissions();
            return permissions == null || !permissions.granted().isEmpty();
        }

        private URI url(String path, Map<String, String> query) {
            StringBuilder url = new StringBuilder(base.toString()).append(path);
            String separator = "?";
            for (Map.Entry<String, String> parameter : query.entrySet()) {
                url.append(separator).append(parameter.getKey()).append('=').append(encode(parameter.getValue()));
                separator = "&";
            }
            return URI.create(url.toString());
        }

        private URI sameHost(String link) {
            URI next;
            try {
                next = URI.create(link);
            } catch (IllegalArgumentException e) {
                throw new UpstreamException(new UpstreamFailure(Kind.GARBAGE, "GRAPH_BAD_NEXT_LINK",
                        "Graph sent a paging link that is not a URL", null, null), e);
            }
            if (!base.getScheme().equalsIgnoreCase(next.getScheme()) || next.getHost() == null
                    || !base.getHost().equalsIgnoreCase(next.getHost()) || port(base) != port(next)) {
                LOG.warnf("Profile '%s': Graph sent a paging link to %s://%s, not to %s; not followed",
                        profile.name, next.getScheme(), next.getHost(), base.getHost());
                throw new UpstreamException(new UpstreamFailure(Kind.GARBAGE, "GRAPH_FOREIGN_NEXT_LINK",
                        "Graph sent a paging link to another host (" + next.getHost() + ") than the profile's "
                                + "serviceUrl (" + base.getHost() + "): not followed", null,
                        Hints.GRAPH_FOREIGN_LINK), null);
            }
            return next;
        }

        private JsonNode get(URI url, Map<String, String> headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(config.readTimeout())
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .GET();
            headers.forEach(request::header);
            HttpResponse<String> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UpstreamException(TransportErrors.translate(e), e);
            } catch (IOException e) {
                throw new UpstreamException(TransportErrors.translate(e), e);
            }
            JsonNode body = parse(response.body());
            if (response.statusCode() / 100 == 2) {
                if (body == null || !body.isObject()) {
                    throw new UpstreamException(new UpstreamFailure(Kind.GARBAGE, "INVALID_RESPONSE",
                            "Graph answered HTTP " + response.statusCode() + " without a JSON object", null, null),
                            null);
                }
                return body;
            }
            throw new UpstreamException(GraphErrors.translate(response.statusCode(), body,
                    response.headers().firstValue("Retry-After"), config.defaultRetryAfter(),
                    tokenHasPermissions()), null);
        }
    }

    private final GraphConfig config;
    private final Outbound outbound;
    private final ProfileTokens tokens;
    private final ProfileService profiles;
    private final ProfileGuards guards;
    private final ObjectMapper json;
    private final Cache<UUID, Versioned> clients = Caffeine.newBuilder().expireAfterAccess(Duration.ofDays(1))
            .build();
    /** Graph's concurrency limit per app and mailbox; throttled mailboxes back off in {@link ProfileGuards}. */
    private final Cache<MailboxKey, Guard> bulkheads = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).build();

    public GraphClient(GraphConfig config, Outbound outbound, ProfileTokens tokens, ProfileService profiles,
                       ProfileGuards guards, ObjectMapper json) {
        this.config = config;
        this.outbound = outbound;
        this.tokens = tokens;
        this.profiles = profiles;
        this.guards = guards;
        this.json = json;
    }

    /**
     * Runs one operation (one or more requests) under the profile's circuit breaker and, when it concerns a
     * mailbox, that mailbox's concurrency limit and back-off.
     *
     * @param mailbox the mailbox the requests read, or null for directory requests (throttling then backs the
     *        whole profile off)
     * @throws UpstreamException {@link Kind#THROTTLED} at once while the mailbox backs off, {@link Kind#BUSY}
     *         when its concurrency limit is reached, else the call's own failure
     */
    public <T> T call(Profile profile, String mailbox, String operation, Function<Session, T> work) {
        if (mailbox == null) {
            return guards.call(profile, operation, config.defaultRetryAfter(), () -> work.apply(session(profile)));
        }
        String address = mailbox.toLowerCase(Locale.ROOT);
        Guard bulkhead = bulkheads.get(new MailboxKey(profile.id, profile.version, address), k -> Guard.create()
                .withBulkhead().limit(config.maxConcurrencyPerMailbox()).done().build());
        return guards.callForMailbox(profile, address, operation, config.defaultRetryAfter(), () -> {
            try {
                return GraphClient.<T>cast(bulkhead.get(() -> work.apply(session(profile)), Object.class));
            } catch (BulkheadException e) {
                guards.countRefused(profile, operation, "busy");
                throw new UpstreamException(new UpstreamFailure(Kind.BUSY, "GRAPH_MAILBOX_CONCURRENCY",
                        config.maxConcurrencyPerMailbox() + " Graph requests for " + address
                                + " are running already", null, "Graph allows " + config.maxConcurrencyPerMailbox()
                        + " concurrent requests per mailbox; the room is served from cache meanwhile."), e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private Session session(Profile profile) {
        ProfileService.Secrets secrets = profiles.decryptedSecrets(profile);
        return new Session(profile, client(profile), tokens.tokenBlocking(profile, secrets));
    }

    private HttpClient client(Profile profile) {
        Versioned known = clients.getIfPresent(profile.id);
        if (known != null && known.version() == profile.version) {
            return known.client();
        }
        HttpClient.Builder builder = HttpClient.newBuilder()
                .sslContext(TlsTrust.sslContext(profile.caBundlePem, profile.insecureSkipVerify))
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        URI proxy = outbound.proxy(profile);
        if (proxy != null) {
            builder.proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(),
                    proxy.getPort() > 0 ? proxy.getPort() : 80)));
        }
        HttpClient client = builder.build();
        clients.put(profile.id, new Versioned(profile.version, client));
        return client;
    }

    /** Graph's query values with spaces as %20 (OData reads '+' literally in some places). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A path segment: a mail address or an id. */
    static String segment(String value) {
        return encode(value);
    }

    /** Query parameters in the order given. */
    static Map<String, String> query(String... keysAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            query.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return query;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
