package io.calendargateway.oauth;

import io.calendargateway.upstream.TlsTrust;
import io.quarkus.tls.BaseTlsConfiguration;
import io.vertx.core.net.TrustOptions;

import java.net.Socket;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust of one profile's https token endpoint, for the Quarkus OIDC client: the JDK's CAs plus the profile's
 * PEM bundle, the same trust EWS and Graph get; host names stay verified.
 * <p>
 * It also remembers why it rejected the server: the OIDC client reports a failed handshake only as "OIDC Server
 * is not available", so without this the token step could not tell a certificate problem from a wrong URL.
 */
final class TokenEndpointTls extends BaseTlsConfiguration {

    private final AtomicReference<String> rejection = new AtomicReference<>();
    private final TrustOptions trust;

    /** @param caBundlePem trusted besides the JDK's CAs, or null */
    TokenEndpointTls(String caBundlePem) {
        this.trust = TrustOptions.wrap(new Recording((X509ExtendedTrustManager) TlsTrust.trustManager(caBundlePem)));
    }

    @Override
    public TrustOptions getTrustStoreOptions() {
        return trust;
    }

    /** Why the last handshake was refused, once; null when none was. */
    String takeRejection() {
        return rejection.getAndSet(null);
    }

    private final class Recording extends X509ExtendedTrustManager {

        private final X509ExtendedTrustManager delegate;

        Recording(X509ExtendedTrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            recording(() -> delegate.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            recording(() -> delegate.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            recording(() -> delegate.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }

        private void recording(Check check) throws CertificateException {
            try {
                check.run();
            } catch (CertificateException e) {
                rejection.set(reason(e));
                throw e;
            }
        }
    }

    @FunctionalInterface
    private interface Check {
        void run() throws CertificateException;
    }

    /** No path to a trusted CA, or the JDK's own words (a host name mismatch names the host). */
    private static String reason(CertificateException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertPathBuilderException) {
                return "its certificate is not issued by a trusted CA";
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    }
}
