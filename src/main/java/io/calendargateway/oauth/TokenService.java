package io.calendargateway.oauth;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.quarkus.oidc.client.runtime.OidcClientConfig.Grant;
import io.quarkus.oidc.common.runtime.config.OidcClientCommonConfig.Credentials.Secret.Method;
import io.quarkus.tls.TlsConfiguration;
import io.smallrye.mutiny.Uni;

/**
 * Access tokens per connection profile. Each profile version gets its own Quarkus OIDC client, created at run time
 * (absolute token URL, no discovery, {@code client_secret_post} as Entra expects, the JDK's CAs plus the profile's
 * bundle for an https endpoint). Tokens are cached until
 * {@code expirySkew} before they expire, then fetched again; concurrent callers share one request. A changed or
 * deleted profile must be {@link #evict evicted}: its client is closed.
 */
public class TokenService implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TokenService.class);
    /** Used when the token endpoint gives no {@code expires_in} and the token is no JWT with {@code exp}. */
    private static final Duration FALLBACK_LIFETIME = Duration.ofMinutes(5);

    private final Function<OidcClientConfig, Uni<OidcClient>> clientFactory;
    private final BiConsumer<String, TlsConfiguration> tlsRegistry;
    private final Duration expirySkew;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param clientFactory {@code OidcClients::newClient} in the application; a fake in tests
     * @param tlsRegistry {@code TlsConfigurationRegistry::register}: the OIDC client finds a token endpoint's trust
     *        there by name
     * @param expirySkew a token is replaced this long before it expires
     * @param connectTimeout connect timeout of the token requests
     * @param requestTimeout upper bound for one token request, used by {@link #accessTokenBlocking}
     */
    public TokenService(Function<OidcClientConfig, Uni<OidcClient>> clientFactory,
            BiConsumer<String, TlsConfiguration> tlsRegistry, Duration expirySkew, Duration connectTimeout,
            Duration requestTimeout, Clock clock) {
        this.clientFactory = clientFactory;
        this.tlsRegistry = tlsRegistry;
        this.expirySkew = expirySkew;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    /**
     * A valid access token for the profile, from the cache when it has one far enough from expiry.
     *
     * @param version the profile's version: a new version replaces (and closes) the client of the previous one
     * @return fails with {@link TokenException}
     */
    public Uni<AccessToken> accessToken(String profileId, long version, TokenSettings settings) {
        Entry entry = entries.compute(profileId, (id, existing) -> {
            // an older copy of the profile must not replace the newer client
            if (existing != null && existing.version >= version) {
                return existing;
            }
            if (existing != null) {
                existing.close();
            }
            String clientId = clientId(id, version);
            TokenEndpointTls tls = null;
            if (isHttps(settings)) {
                tls = new TokenEndpointTls(settings.caBundlePem());
                tlsRegistry.accept(clientId, tls);
            }
            return new Entry(clientId, version, tls, clientFactory.apply(clientConfig(clientId, settings,
                    connectTimeout)));
        });
        return entry.token(clock.instant().plus(expirySkew))
                .onFailure().invoke(failure -> {
                    if (entry.clientFailed) {
                        // let the next call create the client again
                        entries.remove(profileId, entry);
                        entry.close();
                    }
                })
                .onFailure().transform(failure -> translate(entry, failure))
                // one line per failed request; the OIDC client's own warning (a whole stack trace) is turned off
                .onFailure(TokenException.class).invoke(failure -> LOG.warnf("Token request of %s failed: %s (%s)",
                        entry.clientId, ((TokenException) failure).failure().code(), failure.getMessage()));
    }

    /** A refused certificate is a TLS failure, whatever the OIDC client made of it. */
    private static TokenException translate(Entry entry, Throwable failure) {
        String rejected = entry.tls == null ? null : entry.tls.takeRejection();
        if (rejected != null && !(failure instanceof TokenException)) {
            return new TokenException(new TokenFailure(TokenFailure.Kind.UNREACHABLE, "TOKEN_ENDPOINT_TLS", null,
                    "TLS to the token endpoint failed: " + rejected), failure);
        }
        return EntraErrors.toException(failure);
    }

    /**
     * Blocking variant for EWS calls, which already run on worker threads. Never call it on the event loop.
     *
     * @throws TokenException when no token can be obtained within the request timeout
     */
    public String accessTokenBlocking(String profileId, long version, TokenSettings settings) {
        try {
            return accessToken(profileId, version, settings).await().atMost(requestTimeout).value();
        } catch (io.smallrye.mutiny.TimeoutException e) {
            throw EntraErrors.toException(e);
        }
    }

    /** Forgets the profile's token and closes its client (profile changed or deleted). */
    public void evict(String profileId) {
        Entry entry = entries.remove(profileId);
        if (entry != null) {
            entry.close();
        }
    }

    @Override
    public void close() {
        List.copyOf(entries.keySet()).forEach(this::evict);
    }

    /** The OIDC client configuration for a profile: absolute token URL, no discovery, client_secret_post. */
    public static OidcClientConfig clientConfig(String clientConfigId, TokenSettings settings,
            Duration connectTimeout) {
        OidcClientConfigBuilder builder = OidcClientConfig.builder()
                .id(clientConfigId)
                .discoveryEnabled(false)
                .tokenPath(settings.tokenUrl().toString())
                .clientId(settings.clientId())
                .scopes(settings.scope())
                .connectionTimeout(connectTimeout)
                // the OIDC client counts attempts here, not retries: 1 = a single request, no retry
                .connectionRetryCount(1);
        if (settings.clientSecret() != null) {
            builder.credentials().clientSecret(settings.clientSecret(), Method.POST).end();
        }
        if (isHttps(settings)) {
            // registered under the client's id by accessToken
            builder.tlsConfigurationName(clientConfigId);
        }
        if (settings.proxy() != null) {
            int port = settings.proxy().getPort() > 0 ? settings.proxy().getPort() : 80;
            builder.proxy(settings.proxy().getScheme() + "://" + settings.proxy().getHost(), port);
        }
        if (settings.grant() == TokenSettings.Grant.PASSWORD) {
            builder.grant(Grant.Type.PASSWORD)
                    .grantOptions("password", Map.of("username", settings.username(), "password", settings.password()));
        } else {
            builder.grant(Grant.Type.CLIENT);
        }
        return builder.build();
    }

    private static boolean isHttps(TokenSettings settings) {
        return "https".equalsIgnoreCase(settings.tokenUrl().getScheme());
    }

    private static String clientId(String profileId, long version) {
        return "profile-" + profileId + "-v" + version;
    }

    private Instant expiry(Tokens tokens) {
        Long expiresAt = tokens.getAccessTokenExpiresAt();
        if (expiresAt != null) {
            return Instant.ofEpochSecond(expiresAt);
        }
        try {
            Instant exp = JwtClaims.decode(tokens.getAccessToken()).expiresAt();
            if (exp != null) {
                return exp;
            }
        } catch (IllegalArgumentException notAJwt) {
            // opaque token: fall through
        }
        return clock.instant().plus(FALLBACK_LIFETIME);
    }

    private final class Entry {
        final String clientId;
        final long version;
        /** The endpoint's trust (https only), or null. */
        final TokenEndpointTls tls;
        final Uni<OidcClient> client;
        volatile OidcClient resolved;
        volatile boolean clientFailed;
        volatile boolean closed;
        private AccessToken token;
        private Uni<AccessToken> inflight;

        Entry(String clientId, long version, TokenEndpointTls tls, Uni<OidcClient> client) {
            this.clientId = clientId;
            this.version = version;
            this.tls = tls;
            this.client = client
                    .onItem().invoke(c -> {
                        resolved = c;
                        if (closed) {
                            closeQuietly(c);
                        }
                    })
                    .onFailure().invoke(f -> clientFailed = true)
                    .memoize().indefinitely();
        }

        synchronized Uni<AccessToken> token(Instant validUntilAtLeast) {
            if (token != null && token.expiresAt().isAfter(validUntilAtLeast)) {
                return Uni.createFrom().item(token);
            }
            if (inflight == null) {
                inflight = client
                        .chain(OidcClient::getTokens)
                        // the OIDC client has no read timeout: a silent endpoint must not pin this request forever
                        .ifNoItem().after(requestTimeout).fail()
                        .map(tokens -> new AccessToken(tokens.getAccessToken(), expiry(tokens)))
                        .onItemOrFailure().invoke((fresh, failure) -> completed(fresh))
                        .memoize().indefinitely();
            }
            return inflight;
        }

        private synchronized void completed(AccessToken fresh) {
            if (fresh != null) {
                token = fresh;
            }
            inflight = null;
        }

        void close() {
            closed = true;
            OidcClient c = resolved;
            if (c != null) {
                closeQuietly(c);
            }
        }

        private void closeQuietly(OidcClient c) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                LOG.debugf("Closing an OIDC client failed: %s", e.getMessage());
            }
        }
    }
}
