package io.calendargateway.exchange;

import io.calendargateway.upstream.TlsTrust;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;

import org.apache.http.HttpHost;
import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.protocol.HttpContext;
import org.jboss.logging.Logger;

import microsoft.exchange.webservices.data.core.WebProxy;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import microsoft.exchange.webservices.data.credential.WebProxyCredentials;

/**
 * Builds {@link GatewayExchangeService} instances for an {@link EwsEndpoint}.
 * <p>
 * TLS: ews-java-api 2.0 accepts any certificate by default. Here its socket factory registry is replaced: server
 * certificates are checked against the JDK trust store plus the endpoint's PEM bundle, and host names with the
 * standard verifier. {@code insecureSkipVerify} switches both off and is logged as a warning every time.
 * <p>
 * Timeouts: the library applies one value ({@code setTimeout}) to connect, socket read and connection lease; here it
 * is the read timeout, and the socket factories enforce the endpoint's own connect timeout (which also bounds
 * the TLS handshake).
 */
public final class EwsServiceFactory {

    private static final Logger LOG = Logger.getLogger(EwsServiceFactory.class);

    public GatewayExchangeService create(EwsEndpoint endpoint) {
        Registry<ConnectionSocketFactory> registry = socketFactories(endpoint);
        // The base constructor calls createConnectionSocketFactoryRegistry(): the registry must already exist and
        // reach the subclass through a captured local, not through a field (still null at that point).
        GatewayExchangeService service = new GatewayExchangeService() {
            @Override
            protected Registry<ConnectionSocketFactory> createConnectionSocketFactoryRegistry() {
                return registry;
            }
        };
        service.setTraceEnabled(false);
        service.setUrl(endpoint.serviceUrl());
        service.setTimeout((int) endpoint.readTimeout().toMillis());
        configureCredentials(service, endpoint);
        if (endpoint.proxy() != null) {
            service.setWebProxy(webProxy(endpoint.proxy()));
        }
        return service;
    }

    private static void configureCredentials(GatewayExchangeService service, EwsEndpoint endpoint) {
        switch (endpoint.auth()) {
            case NTLM -> service.setCredentials(new WebCredentials(endpoint.username(), endpoint.password(),
                    endpoint.domain() == null ? "" : endpoint.domain()));
            case BASIC -> {
                // No credentials for the library: given any, its HTTP client prefers NTLM whenever the server
                // offers it. A preemptive header is sent as-is (the client does not replace an existing one).
                service.setUseDefaultCredentials(true);
                service.getHttpHeaders().put(GatewayExchangeService.AUTHORIZATION,
                        basicAuthorization(endpoint.username(), endpoint.password(), endpoint.domain()));
            }
            // the token itself is set before each call (it expires); without this flag every request fails with
            // "Credentials are required to make a service request"
            case BEARER -> service.setUseDefaultCredentials(true);
        }
    }

    static String basicAuthorization(String username, String password, String domain) {
        String user = domain == null || domain.isBlank() ? username : domain + "\\" + username;
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static WebProxy webProxy(URI proxy) {
        int port = proxy.getPort() == -1 ? 80 : proxy.getPort();
        String userInfo = proxy.getUserInfo();
        if (userInfo == null) {
            return new WebProxy(proxy.getHost(), port);
        }
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        String password = colon < 0 ? "" : userInfo.substring(colon + 1);
        String domain = "";
        int backslash = user.indexOf('\\');
        if (backslash > 0) {
            domain = user.substring(0, backslash);
            user = user.substring(backslash + 1);
        }
        return new WebProxy(proxy.getHost(), port, new WebProxyCredentials(user, password, domain));
    }

    private static Registry<ConnectionSocketFactory> socketFactories(EwsEndpoint endpoint) {
        int connectTimeout = (int) endpoint.connectTimeout().toMillis();
        SSLContext sslContext;
        HostnameVerifier hostnames;
        if (endpoint.insecureSkipVerify()) {
            LOG.warnf("TLS verification is OFF for %s (insecureSkipVerify): any certificate and host name is "
                    + "accepted, so credentials can be intercepted", endpoint.serviceUrl());
            sslContext = TlsTrust.sslContext(null, true);
            hostnames = NoopHostnameVerifier.INSTANCE;
        } else {
            sslContext = TlsTrust.sslContext(endpoint.caBundlePem(), false);
            hostnames = new DefaultHostnameVerifier();
        }
        return RegistryBuilder.<ConnectionSocketFactory> create()
                .register("http", new PlainConnectionSocketFactory() {
                    @Override
                    public Socket connectSocket(int ignored, Socket socket, HttpHost host, InetSocketAddress remote,
                            InetSocketAddress local, HttpContext context) throws IOException {
                        return super.connectSocket(connectTimeout, socket, host, remote, local, context);
                    }
                })
                .register("https", new SSLConnectionSocketFactory(sslContext, hostnames) {
                    @Override
                    public Socket connectSocket(int ignored, Socket socket, HttpHost host, InetSocketAddress remote,
                            InetSocketAddress local, HttpContext context) throws IOException {
                        return super.connectSocket(connectTimeout, socket, host, remote, local, context);
                    }
                })
                .build();
    }
}
