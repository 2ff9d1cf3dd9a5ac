package io.calendargateway.profile;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A profile's PEM bundle of extra CA certificates (internal CAs are common on-premises). */
public final class CaBundle {

    private static final Pattern PEM_CERTIFICATE = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private CaBundle() {
    }

    /**
     * Parses every {@code CERTIFICATE} block of a PEM bundle; text between blocks (comments, subject lines) is
     * ignored.
     *
     * @throws IllegalArgumentException when the bundle holds no certificate or one of them cannot be parsed
     */
    public static List<X509Certificate> parse(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher matcher = PEM_CERTIFICATE.matcher(pem == null ? "" : pem);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (matcher.find()) {
                byte[] der;
                try {
                    der = Base64.getMimeDecoder().decode(matcher.group(1));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Certificate #" + (certificates.size() + 1)
                            + " of the CA bundle is not valid base64");
                }
                try {
                    certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                } catch (CertificateException e) {
                    throw new IllegalArgumentException("Certificate #" + (certificates.size() + 1)
                            + " of the CA bundle cannot be parsed");
                }
            }
        } catch (CertificateException e) {
            throw new IllegalStateException("X.509 is not supported by this JVM", e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(
                    "The CA bundle holds no PEM certificate (-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----)");
        }
        return certificates;
    }
}
