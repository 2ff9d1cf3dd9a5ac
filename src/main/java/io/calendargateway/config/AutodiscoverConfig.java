package io.calendargateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's own autodiscover ({@code POST /autodiscover}, profiles created from an e-mail address). */
@ConfigMapping(prefix = "gateway.autodiscover")
public interface AutodiscoverConfig {

    /** The Office 365 Autodiscover v2 endpoint; {@code ?Email=...&Protocol=EWS} is appended. */
    @WithDefault("https://autodiscover-s.outlook.com/autodiscover/autodiscover.json")
    String v2Url();

    /**
     * Replaces the host (and port) of the https candidates, keeping scheme and path: mail domain or candidate
     * host name (quoted, e.g. {@code host-map."contoso.com"=10.0.0.5:443}) to {@code host[:port]}. A key for the
     * domain applies to {@code domain} and {@code autodiscover.domain}; a key naming the candidate host exactly
     * wins. For split DNS and for tests against the simulator.
     */
    Map<String, String> hostMap();

    /** Like {@link #hostMap()} for the plain-HTTP redirect probe ({@code http://autodiscover.domain}). */
    Map<String, String> httpHostMap();

    /**
     * Hosts that redirects may lead to besides the address's own domain: an entry allows that host and its
     * sub-domains (e.g. {@code outlook.com} for Exchange Online hybrid setups). Redirects always need https.
     */
    Optional<List<String>> allowedHosts();

    /** The limit for each attempt (connect, TLS, sign-in and answer together). */
    @WithDefault("10s")
    Duration timeout();

    /** Redirects (to another address or URL) followed before autodiscover gives up with LOOP. */
    @WithDefault("5")
    int maxRedirects();

    /**
     * PEM certificates trusted in addition to the JDK trust store when autodiscover runs without a profile
     * (internal CA of the on-premises autodiscover host). A profile's own CA bundle replaces it.
     */
    Optional<String> caBundlePem();

    /** Like {@link #caBundlePem()}, read from a file (a mounted Kubernetes Secret or ConfigMap). */
    Optional<Path> caBundleFile();
}
