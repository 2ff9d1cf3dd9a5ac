package io.calendargateway.oauth;

import java.time.Clock;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.calendargateway.config.OAuthConfig;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.tls.TlsConfigurationRegistry;

/** Wires {@link TokenService} to Quarkus' run-time OIDC client factory. */
public class TokenServiceProducer {

    @Produces
    @Singleton
    TokenService tokenService(OidcClients clients, TlsConfigurationRegistry tls, OAuthConfig config) {
        return new TokenService(clients::newClient, tls::register, config.expirySkew(), config.connectTimeout(),
                config.requestTimeout(), Clock.systemUTC());
    }

    void close(@Disposes TokenService tokens) {
        tokens.close();
    }
}
