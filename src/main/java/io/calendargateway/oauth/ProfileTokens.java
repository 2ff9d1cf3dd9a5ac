package io.calendargateway.oauth;

import io.calendargateway.profile.AuthType;
import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileChanged;
import io.calendargateway.profile.ProfileKind;
import io.calendargateway.profile.ProfileService;
import io.calendargateway.upstream.Outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import java.net.URI;

/** Access tokens of OAuth connection profiles: the profile's settings turned into token requests. */
@ApplicationScoped
public class ProfileTokens {

    private final TokenService tokens;
    private final Outbound outbound;

    public ProfileTokens(TokenService tokens, Outbound outbound) {
        this.tokens = tokens;
        this.outbound = outbound;
    }

    /** A token for the profile, from the cache while it is fresh. Blocking: call on a worker thread. */
    public String tokenBlocking(Profile profile, ProfileService.Secrets secrets) {
        return tokens.accessTokenBlocking(profile.id.toString(), profile.version,
                settings(profile, secrets, outbound.proxy(profile)));
    }

    /**
     * The token request of an OAuth profile: token URL, grant and scope as the profile says or by default. The
     * profile's CA bundle applies to the token endpoint as to Exchange (AD FS often runs on the same internal CA);
     * its insecure opt-in does not: the client secret or password is never sent to an unverified server.
     */
    public static TokenSettings settings(Profile profile, ProfileService.Secrets secrets, URI proxy) {
        URI tokenUrl = profile.tokenUrl != null ? URI.create(profile.tokenUrl)
                : TokenSettings.defaultTokenUrl(profile.authorityUrl, profile.tenantId);
        String scope = profile.scope != null ? profile.scope
                : profile.kind == ProfileKind.GRAPH ? TokenSettings.GRAPH_SCOPE : TokenSettings.EWS_SCOPE;
        boolean password = profile.authType == AuthType.OAUTH2_PASSWORD;
        return new TokenSettings(tokenUrl, profile.clientId, secrets.clientSecret(),
                password ? TokenSettings.Grant.PASSWORD : TokenSettings.Grant.CLIENT_CREDENTIALS,
                password ? profile.username : null, password ? secrets.password() : null, scope, proxy,
                profile.caBundlePem);
    }

    void onProfileChanged(@ObservesAsync ProfileChanged changed) {
        tokens.evict(changed.profileId().toString());
    }
}
