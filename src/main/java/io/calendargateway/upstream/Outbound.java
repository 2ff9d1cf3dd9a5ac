package io.calendargateway.upstream;

import io.calendargateway.config.UpstreamConfig;
import io.calendargateway.profile.Profile;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;

/**
 * The one place that decides how a call leaves the gateway: a profile's own outbound proxy, else the gateway's
 * default ({@code gateway.upstream.default-proxy}), else a direct connection. EWS, Graph, token requests and
 * autodiscover all ask here.
 */
@ApplicationScoped
public class Outbound {

    private final URI defaultProxy;

    public Outbound(UpstreamConfig config) {
        this.defaultProxy = parse(config.defaultProxy().orElse(null));
    }

    /** The profile's outbound proxy, else the default one, else null (direct). */
    public URI proxy(Profile profile) {
        return proxy(profile.proxy);
    }

    /** {@code ownProxy} when given, else the default proxy, else null (direct). */
    public URI proxy(String ownProxy) {
        URI own = parse(ownProxy);
        return own != null ? own : defaultProxy;
    }

    private static URI parse(String proxy) {
        return proxy == null || proxy.isBlank() ? null : URI.create(proxy.strip());
    }
}
