package io.calendargateway.exchange;

import io.calendargateway.config.EwsConfig;
import io.calendargateway.oauth.ProfileTokens;
import io.calendargateway.profile.Access;
import io.calendargateway.profile.AuthType;
import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileChanged;
import io.calendargateway.profile.ProfileService;
import io.calendargateway.upstream.Outbound;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link EwsConnectionPool} per EWS profile and profile version. A changed or deleted profile closes its
 * pool, so the next call signs in with the new settings.
 */
@ApplicationScoped
public class EwsConnections {

    private final EwsServiceFactory factory = new EwsServiceFactory();
    private final Map<UUID, Pooled> pools = new ConcurrentHashMap<>();
    private final EwsConfig config;
    private final ProfileTokens tokens;
    private final Outbound outbound;

    public EwsConnections(EwsConfig config, ProfileTokens tokens, Outbound outbound) {
        this.config = config;
        this.tokens = tokens;
        this.outbound = outbound;
    }

    /** The pool for this state of the profile; an older version's pool is closed and replaced. */
    public EwsConnectionPool pool(Profile profile, ProfileService.Secrets secrets) {
        Pooled pooled = pools.compute(profile.id, (id, existing) -> {
            // a request still holding an older copy of the profile must not replace the newer pool
            if (existing != null && existing.version >= profile.version && !existing.pool.isClosed()) {
                return existing;
            }
            if (existing != null) {
                existing.pool.close();
            }
            return new Pooled(profile.version, new EwsConnectionPool(endpoint(profile, secrets), factory,
                    config.maxConcurrency(), config.acquireTimeout()));
        });
        return pooled.pool;
    }

    /** How the profile reaches EWS: URL, sign-in, impersonation or delegate access, TLS, proxy, timeouts. */
    EwsEndpoint endpoint(Profile profile, ProfileService.Secrets secrets) {
        var builder = EwsEndpoint.builder(URI.create(profile.serviceUrl))
                .impersonation(profile.access == Access.IMPERSONATION)
                .caBundlePem(profile.caBundlePem)
                .insecureSkipVerify(profile.insecureSkipVerify)
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout());
        if (profile.authType == AuthType.BASIC) {
            builder.basic(profile.username, secrets.password(), profile.domain);
        } else if (profile.authType == AuthType.NTLM) {
            builder.ntlm(profile.username, secrets.password(), profile.domain);
        } else {
            builder.bearer(() -> tokens.tokenBlocking(profile, secrets));
        }
        URI proxy = outbound.proxy(profile);
        if (proxy != null) {
            builder.proxy(proxy);
        }
        return builder.build();
    }

    void onProfileChanged(@ObservesAsync ProfileChanged changed) {
        Pooled removed = pools.remove(changed.profileId());
        if (removed != null) {
            removed.pool.close();
        }
    }

    @PreDestroy
    void closeAll() {
        List.copyOf(pools.keySet()).forEach(id -> {
            Pooled removed = pools.remove(id);
            if (removed != null) {
                removed.pool.close();
            }
        });
    }

    private record Pooled(int version, EwsConnectionPool pool) {
    }
}
