package io.calendargateway.upstream;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import io.calendargateway.profile.CaBundle;

/**
 * Trust material for outbound TLS to Exchange: the JDK's default trust store plus an optional per-profile PEM
 * bundle (internal CAs are common on-premises), or, only on explicit request, trust in anything.
 * Uses no ews-java-api type, so other HTTP clients (autodiscover, Graph) can share it.
 */
public final class TlsTrust {

    private TlsTrust() {
    }

    /** A trust manager accepting what the JDK trusts plus the certificates of the optional PEM bundle. */
    public static X509TrustManager trustManager(String caBundlePem) {
        try {
            TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jdk.init((KeyStore) null);
            X509TrustManager jdkDefault = x509(jdk.getTrustManagers());
            if (caBundlePem == null || caBundlePem.isBlank()) {
                return jdkDefault;
            }
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int i = 0;
            for (X509Certificate certificate : jdkDefault.getAcceptedIssuers()) {
                anchors.setCertificateEntry("jdk-" + i++, certificate);
            }
            i = 0;
            for (X509Certificate certificate : CaBundle.parse(caBundlePem)) {
                anchors.setCertificateEntry("bundle-" + i++, certificate);
            }
            TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            combined.init(anchors);
            return x509(combined.getTrustManagers());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot build the TLS trust store: " + e.getMessage(), e);
        }
    }

    /**
     * @param insecureSkipVerify true: trust every certificate (the caller must also switch off host name checks)
     */
    public static SSLContext sslContext(String caBundlePem, boolean insecureSkipVerify) {
        TrustManager trust = insecureSkipVerify ? TrustAll.INSTANCE : trustManager(caBundlePem);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] { trust }, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot initialise TLS: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager manager : managers) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("No X.509 trust manager available");
    }

    private enum TrustAll implements X509TrustManager {
        INSTANCE;

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
