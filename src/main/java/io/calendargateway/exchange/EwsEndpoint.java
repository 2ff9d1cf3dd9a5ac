package io.calendargateway.exchange;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything needed to open an EWS connection for one connection profile. Plain values: decrypted secrets are
 * handed in by the caller and never printed ({@link #toString()} redacts them).
 *
 * @param serviceUrl the {@code .asmx} URL, http or https
 * @param auth how to authenticate
 * @param username BASIC/NTLM user name (without domain for NTLM; for BASIC either {@code user}, {@code user@upn} or
 *        with {@code domain} set)
 * @param password BASIC/NTLM password
 * @param domain optional Windows domain
 * @param bearerToken BEARER: called before every call for a current access token (may block; calls run on worker
 *        threads)
 * @param impersonation true: send {@code ExchangeImpersonation} (ApplicationImpersonation role) and
 *        {@code X-AnchorMailbox}; false: delegate access, the caller addresses the mailbox's folders explicitly
 * @param caBundlePem optional PEM certificates trusted in addition to the JDK trust store
 * @param insecureSkipVerify trust any certificate and host name: an explicit, loudly logged opt-in
 * @param proxy optional outbound HTTP proxy {@code http://[user:password@]host:port}
 * @param connectTimeout TCP connect (and TLS handshake) timeout
 * @param readTimeout socket read timeout for each response
 */
public record EwsEndpoint(
        URI serviceUrl,
        EwsAuth auth,
        String username,
        String password,
        String domain,
        Supplier<String> bearerToken,
        boolean impersonation,
        String caBundlePem,
        boolean insecureSkipVerify,
        URI proxy,
        Duration connectTimeout,
        Duration readTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    public EwsEndpoint {
        Objects.requireNonNull(serviceUrl, "serviceUrl");
        Objects.requireNonNull(auth, "auth");
        String scheme = serviceUrl.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme) || serviceUrl.getHost() == null) {
            throw new IllegalArgumentException("serviceUrl must be an absolute http(s) URL");
        }
        if ((auth == EwsAuth.BASIC || auth == EwsAuth.NTLM) && (isBlank(username) || password == null)) {
            throw new IllegalArgumentException(auth + " needs a username and a password");
        }
        if (auth == EwsAuth.BEARER && bearerToken == null) {
            throw new IllegalArgumentException("BEARER needs a token source");
        }
        if (proxy != null && (!"http".equalsIgnoreCase(proxy.getScheme()) || proxy.getHost() == null)) {
            throw new IllegalArgumentException("proxy must be an http://host:port URL");
        }
        connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
        readTimeout = positive(readTimeout, DEFAULT_READ_TIMEOUT, "readTimeout");
    }

    public static Builder builder(URI serviceUrl) {
        return new Builder(serviceUrl);
    }

    @Override
    public String toString() {
        return "EwsEndpoint[serviceUrl=" + serviceUrl + ", auth=" + auth + ", username=" + username
                + ", domain=" + domain + ", impersonation=" + impersonation
                + ", caBundle=" + (caBundlePem != null) + ", insecureSkipVerify=" + insecureSkipVerify
                + ", proxy=" + (proxy == null ? null : proxy.getHost() + ":" + proxy.getPort())
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public static final class Builder {
        private final URI serviceUrl;
        private EwsAuth auth;
        private String username;
        private String password;
        private String domain;
        private Supplier<String> bearerToken;
        private boolean impersonation = true;
        private String caBundlePem;
        private boolean insecureSkipVerify;
        private URI proxy;
        private Duration connectTimeout;
        private Duration readTimeout;

        private Builder(URI serviceUrl) {
            this.serviceUrl = serviceUrl;
        }

        public Builder basic(String username, String password, String domain) {
            return credentials(EwsAuth.BASIC, username, password, domain);
        }

        public Builder ntlm(String username, String password, String domain) {
            return credentials(EwsAuth.NTLM, username, password, domain);
        }

        public Builder bearer(Supplier<String> token) {
            this.auth = EwsAuth.BEARER;
            this.bearerToken = token;
            return this;
        }

        private Builder credentials(EwsAuth auth, String username, String password, String domain) {
            this.auth = auth;
            this.username = username;
            this.password = password;
            this.domain = domain;
            return this;
        }

        public Builder impersonation(boolean impersonation) {
            this.impersonation = impersonation;
            return this;
        }

        public Builder caBundlePem(String caBundlePem) {
            this.caBundlePem = caBundlePem;
            return this;
        }

        public Builder insecureSkipVerify(boolean insecureSkipVerify) {
            this.insecureSkipVerify = insecureSkipVerify;
            return this;
        }

        public Builder proxy(URI proxy) {
            this.proxy = proxy;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        public EwsEndpoint build() {
            return new EwsEndpoint(serviceUrl, auth, username, password, domain, bearerToken, impersonation,
                    caBundlePem, insecureSkipVerify, proxy, connectTimeout, readTimeout);
        }
    }
}
