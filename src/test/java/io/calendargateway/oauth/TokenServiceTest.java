package io.calendargateway.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.calendargateway.upstream.TlsTrust;
import io.calendargateway.oauth.TokenFailure.Kind;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.quarkus.oidc.client.runtime.OidcClientConfig.Grant;
import io.quarkus.oidc.common.runtime.config.OidcClientCommonConfig.Credentials.Secret.Method;
import io.quarkus.tls.TlsConfiguration;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.json.JsonObject;

class TokenServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final TokenSettings CLIENT_CREDENTIALS = new TokenSettings(
            TokenSettings.defaultTokenUrl(null, "contoso.onmicrosoft.com"), "app-1", "s3cr3t-value",
            TokenSettings.Grant.CLIENT_CREDENTIALS, null, null, TokenSettings.EWS_SCOPE);

    private final MutableClock clock = new MutableClock(T0);
    private final List<FakeClient> clients = new ArrayList<>();
    private final List<OidcClientConfig> configs = new ArrayList<>();
    private Supplier<Uni<Tokens>> answer = () -> Uni.createFrom().item(tokens("token", T0.plusSeconds(3600)));

    private final Map<String, TlsConfiguration> trust = new HashMap<>();

    private TokenService service() {
        return new TokenService(config -> {
            configs.add(config);
            FakeClient client = new FakeClient();
            clients.add(client);
            return Uni.createFrom().item(client);
        }, trust::put, SKEW, Duration.ofSeconds(2), Duration.ofSeconds(2), clock);
    }

    private Tokens tokens(String value, Instant expiresAt) {
        return new Tokens(value, expiresAt.getEpochSecond(), null, null, null, new JsonObject(), "app-1");
    }

    @Test
    void shouldCacheTheTokenUntilShortlyBeforeItExpires() {
        AtomicInteger issued = new AtomicInteger();
        answer = () -> Uni.createFrom().item(() -> tokens("token-" + issued.incrementAndGet(),
                clock.instant().plusSeconds(3600)));
        TokenService tokens = service();

        assertEquals("token-1", tokens.accessTokenBlocking("p1", 1, CLIENT_CREDENTIALS));
        clock.set(T0.plusSeconds(3600 - 61));
        assertEquals("token-1", tokens.accessTokenBlocking("p1", 1, CLIENT_CREDENTIALS));
        clock.set(T0.plusSeconds(3600 - 60));
        assertEquals("token-2", tokens.accessTokenBlocking("p1", 1, CLIENT_CREDENTIALS));

        assertEquals(1, clients.size());
        assertEquals(2, clients.get(0).requests.get());
        AccessToken token = tokens.accessToken("p1", 1, CLIENT_CREDENTIALS).await().indefinitely();
        assertEquals(T0.plusSeconds(3600 - 60 + 3600), token.expiresAt());
        assertFalse(token.toString().contains("token-2"));
    }

    @Test
    void shouldShareOneRequestBetweenConcurrentCallers() {
        List<UniEmitter<? super Tokens>> pending = new ArrayList<>();
        answer = () -> Uni.createFrom().emitter(pending::add);
        TokenService tokens = service();

        Uni<AccessToken> first = tokens.accessToken("p1", 1, CLIENT_CREDENTIALS);
        Uni<AccessToken> second = tokens.accessToken("p1", 1, CLIENT_CREDENTIALS);
        List<String> received = new ArrayList<>();
        first.subscribe().with(t -> received.add(t.value()));
        second.subscribe().with(t -> received.add(t.value()));
        assertEquals(1, pending.size());
        pending.get(0).complete(tokens("shared", T0.plusSeconds(3600)));

        assertEquals(List.of("shared", "shared"), received);
        assertEquals(1, clients.get(0).requests.get());
    }

    @Test
    void shouldReplaceTheClientWhenTheProfileVersionChangesAndCloseItOnEvict() {
        TokenService tokens = service();
        tokens.accessTokenBlocking("p1", 1, CLIENT_CREDENTIALS);

        tokens.accessTokenBlocking("p1", 2, CLIENT_CREDENTIALS);

        assertEquals(2, clients.size());
        assertTrue(clients.get(0).closed);
        assertFalse(clients.get(1).closed);
        assertEquals("profile-p1-v2", configs.get(1).id().orElseThrow());

        tokens.evict("p1");
        assertTrue(clients.get(1).closed);
        tokens.accessTokenBlocking("p1", 2, CLIENT_CREDENTIALS);
        assertEquals(3, clients.size());
    }

    @Test
    void shouldTranslateEntraErrorsAndRetryOnTheNextCall() {
        answer = () -> Uni.createFrom().failure(new OidcClientException("{\"error\":\"invalid_client\","
                + "\"error_description\":\"AADSTS7000222: The provided client secret keys for app 'app-1' are "
                + "expired.\\r\\nTrace ID: t\",\"error_codes\":[7000222]}"));
        TokenService tokens = service();

        TokenException e = assertThrows(TokenException.class,
                () -> tokens.accessTokenBlocking("p1", 1, CLIENT_CREDENTIALS));

        assertEquals(new TokenFailure(Kind.REJECTED, "AADSTS7000222", "invalid_client",
                "AADSTS7000222: The provided client secret keys for app 'app-1' are expired."), e.tokenFailure());
        assertFalse(e.getMessage().contains("s3cr3t-value"));

        answer = () -> Uni.createFrom().item(tokens("after-fix", T0.plusSeconds(3600)));
        assertEquals("after-fix", tokens.accessTokenBlocking("p1", 1, CLIENT_CREDENTIALS));
        assertEquals(1, clients.size());
        assertEquals(2, clients.get(0).requests.get());
    }

    @Test
    void shouldRecreateAClientWhoseCreationFailed() {
        AtomicInteger attempts = new AtomicInteger();
        TokenService tokens = new TokenService(config -> attempts.incrementAndGet() == 1
                ? Uni.createFrom().failure(new OidcClientException("boom"))
                : Uni.createFrom().item(new FakeClient()), trust::put, SKEW, Duration.ofSeconds(2),
                Duration.ofSeconds(2), clock);

        assertThrows(TokenException.class, () -> tokens.accessTokenBlocking("p1", 1, CLIENT_CREDENTIALS));
        assertEquals("token", tokens.accessTokenBlocking("p1", 1, CLIENT_CREDENTIALS));
        assertEquals(2, attempts.get());
    }

    @Test
    void shouldConfigureAClientCredentialsClientForEntra() {
        OidcClientConfig config = TokenService.clientConfig("profile-p1-v1", CLIENT_CREDENTIALS, Duration.ofSeconds(3));

        assertEquals("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
                config.tokenPath().orElseThrow());
        assertTrue(config.authServerUrl().isEmpty());
        assertEquals(false, config.discoveryEnabled().orElseThrow());
        assertEquals("app-1", config.clientId().orElseThrow());
        assertEquals("s3cr3t-value", config.credentials().clientSecret().value().orElseThrow());
        assertEquals(Method.POST, config.credentials().clientSecret().method().orElseThrow());
        assertEquals(Grant.Type.CLIENT, config.grant().type());
        assertEquals(List.of("https://outlook.office365.com/.default"), config.scopes().orElseThrow());
        assertEquals(Duration.ofSeconds(3), config.connectionTimeout());
    }

    @Test
    void shouldConfigureAPasswordGrantClient() {
        TokenSettings ropc = new TokenSettings(
                TokenSettings.defaultTokenUrl("https://login.microsoftonline.us/", "tenant-1"), "app-2", "secret",
                TokenSettings.Grant.PASSWORD, "svc@contoso.com", "pw", TokenSettings.GRAPH_SCOPE);

        OidcClientConfig config = TokenService.clientConfig("profile-p2-v1", ropc, Duration.ofSeconds(3));

        assertEquals("https://login.microsoftonline.us/tenant-1/oauth2/v2.0/token", config.tokenPath().orElseThrow());
        assertEquals(Grant.Type.PASSWORD, config.grant().type());
        assertEquals(Map.of("username", "svc@contoso.com", "password", "pw"), config.grantOptions().get("password"));
        assertEquals(List.of("https://graph.microsoft.com/.default"), config.scopes().orElseThrow());
    }

    // The OIDC client still takes a proxy as host and port (no run-time named proxies); reading those back is
    // the only way to see them, and Quarkus marks these accessors for removal.
    @Test
    @SuppressWarnings("removal")
    void shouldSendTokenRequestsThroughTheProfileProxy() {
        TokenSettings proxied = new TokenSettings(CLIENT_CREDENTIALS.tokenUrl(), "app-1", "s3cr3t-value",
                TokenSettings.Grant.CLIENT_CREDENTIALS, null, null, TokenSettings.EWS_SCOPE,
                java.net.URI.create("http://proxy.contoso.com:3128"), null);
        OidcClientConfig config = TokenService.clientConfig("profile-p3-v1", proxied, Duration.ofSeconds(3));

        assertEquals("http://proxy.contoso.com", config.proxy().host().orElseThrow());
        assertEquals(3128, config.proxy().port());
        assertTrue(TokenService.clientConfig("profile-p1-v1", CLIENT_CREDENTIALS, Duration.ofSeconds(3))
                .proxy().host().isEmpty());
    }

    @Test
    void shouldGiveEveryHttpsTokenEndpointItsOwnTrust() throws Exception {
        // any well-formed certificate will do as the bundle: one of the JDK's own CAs
        X509Certificate ca = TlsTrust.trustManager(null).getAcceptedIssuers()[0];
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(ca.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        TokenSettings internalCa = new TokenSettings(URI.create("https://adfs.contoso.com/adfs/oauth2/token"), "app-1",
                "s3cr3t-value", TokenSettings.Grant.CLIENT_CREDENTIALS, null, null, TokenSettings.EWS_SCOPE, null, pem);
        TokenSettings plainHttp = new TokenSettings(URI.create("http://127.0.0.1:1/token"), "app-1", "s3cr3t-value",
                TokenSettings.Grant.CLIENT_CREDENTIALS, null, null, TokenSettings.EWS_SCOPE, null, pem);
        TokenService tokens = service();

        tokens.accessTokenBlocking("p4", 1, internalCa);
        tokens.accessTokenBlocking("p5", 1, plainHttp);
        tokens.accessTokenBlocking("p6", 1, CLIENT_CREDENTIALS);

        assertEquals(Optional.of("profile-p4-v1"), configs.get(0).tls().tlsConfigurationName());
        assertEquals(Optional.empty(), configs.get(1).tls().tlsConfigurationName(), "plain http has no TLS");
        assertEquals(Optional.of("profile-p6-v1"), configs.get(2).tls().tlsConfigurationName(), "JDK CAs only");
        assertEquals(Set.of("profile-p4-v1", "profile-p6-v1"), trust.keySet());
        assertNotNull(trust.get("profile-p4-v1").getTrustStoreOptions());
        assertFalse(trust.get("profile-p4-v1").isTrustAll());
    }

    @Test
    void shouldRedactSecretsInSettings() {
        String text = CLIENT_CREDENTIALS.toString();
        assertFalse(text.contains("s3cr3t-value"));
        assertTrue(text.contains("clientSecretSet=true"));
        assertEquals(URI.create("https://login.microsoftonline.com/t/oauth2/v2.0/token"),
                TokenSettings.defaultTokenUrl("", "t"));
    }

    private final class FakeClient implements OidcClient {
        final AtomicInteger requests = new AtomicInteger();
        volatile boolean closed;

        @Override
        public Uni<Tokens> getTokens(Map<String, String> additionalGrantParameters) {
            return Uni.createFrom().deferred(() -> {
                requests.incrementAndGet();
                return answer.get();
            });
        }

        @Override
        public Uni<Tokens> refreshTokens(String refreshToken, Map<String, String> additionalGrantParameters) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Uni<Boolean> revokeAccessToken(String accessToken, Map<String, String> additionalParameters) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
