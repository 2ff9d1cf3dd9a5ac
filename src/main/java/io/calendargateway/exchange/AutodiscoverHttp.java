package io.calendargateway.exchange;

import io.calendargateway.upstream.TlsTrust;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.NTCredentials;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.client.CredentialsProvider;
import org.apache.http.client.config.AuthSchemes;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.config.SocketConfig;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.BasicHttpClientConnectionManager;
import org.jboss.logging.Logger;

/**
 * The HTTP side of one autodiscover search: Apache HttpClient 4 (from ews-java-api's dependencies), because it
 * speaks NTLM. TLS is verified like EWS connections ({@link TlsTrust}); redirects are never followed here (the
 * search validates them); each request ends at its deadline, however slowly the server trickles. Credentials go
 * only with the POX and SOAP POSTs, never with the probe or v2 GETs. Not thread-safe: one search, one thread.
 */
final class AutodiscoverHttp implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AutodiscoverHttp.class);
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final ContentType XML = ContentType.create("text/xml", StandardCharsets.UTF_8);

    /** An HTTP answer: status, the Location header (or null) and the body. */
    record Reply(int status, String location, byte[] body) {
    }

    /** No HTTP answer: why, as an attempt outcome, and a description for the administrator. */
    static final class Failure extends Exception {
        final AutodiscoverOutcome outcome;

        Failure(AutodiscoverOutcome outcome, String detail) {
            super(detail, null, false, false);
            this.outcome = outcome;
        }
    }

    private final CloseableHttpClient client;
    private final Autodiscover.Credentials credentials;
    private final CredentialsProvider signIn;
    private final CredentialsProvider proxyOnly;
    private final Duration timeout;
    private final ScheduledExecutorService timer;

    AutodiscoverHttp(Autodiscover.Credentials credentials, Autodiscover.Connection connection, Duration timeout,
            ScheduledExecutorService timer) {
        this.credentials = credentials;
        this.timeout = timeout;
        this.timer = timer;
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        var trust = TlsTrust.sslContext(connection.caBundlePem(), connection.insecureSkipVerify());
        HostnameVerifier hostnames = connection.insecureSkipVerify() ? NoopHostnameVerifier.INSTANCE
                : new DefaultHostnameVerifier();
        if (connection.insecureSkipVerify()) {
            LOG.warn("Autodiscover runs with TLS verification OFF (the profile's insecureSkipVerify): the "
                    + "credentials can be intercepted");
        }
        var manager = new BasicHttpClientConnectionManager(RegistryBuilder.<ConnectionSocketFactory> create()
                .register("http", PlainConnectionSocketFactory.getSocketFactory())
                .register("https", new SSLConnectionSocketFactory(trust, hostnames))
                .build());
        manager.setSocketConfig(SocketConfig.custom().setSoTimeout(millis).build());
        RequestConfig.Builder config = RequestConfig.custom().setConnectTimeout(millis).setSocketTimeout(millis)
                .setConnectionRequestTimeout(millis).setRedirectsEnabled(false);
        BasicCredentialsProvider provider = new BasicCredentialsProvider();
        BasicCredentialsProvider proxyProvider = new BasicCredentialsProvider();
        if (credentials != null && credentials.type() == EwsAuth.NTLM) {
            // NTLM where offered, else Basic; never Kerberos/SPNEGO, which would need a JAAS setup
            config.setTargetPreferredAuthSchemes(List.of(AuthSchemes.NTLM, AuthSchemes.BASIC));
            provider.setCredentials(AuthScope.ANY, new NTCredentials(credentials.username(), credentials.password(),
                    "", credentials.domain() == null ? "" : credentials.domain()));
        }
        var builder = HttpClients.custom().setConnectionManager(manager).setDefaultRequestConfig(config.build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .setUserAgent("calendar-gateway-autodiscover");
        URI proxy = connection.proxy();
        if (proxy != null) {
            int port = proxy.getPort() == -1 ? 80 : proxy.getPort();
            builder.setProxy(new HttpHost(proxy.getHost(), port, proxy.getScheme()));
            String userInfo = proxy.getUserInfo();
            if (userInfo != null) {
                int colon = userInfo.indexOf(':');
                var proxyLogin = new UsernamePasswordCredentials(colon < 0 ? userInfo : userInfo.substring(0, colon),
                        colon < 0 ? "" : userInfo.substring(colon + 1));
                provider.setCredentials(new AuthScope(proxy.getHost(), port), proxyLogin);
                proxyProvider.setCredentials(new AuthScope(proxy.getHost(), port), proxyLogin);
            }
        }
        this.signIn = provider;
        this.proxyOnly = proxyProvider;
        this.client = builder.build();
    }

    /** POSTs an autodiscover request with the credentials. */
    Reply post(String url, String body, String soapAction) throws Failure {
        HttpPost post = new HttpPost(URI.create(url));
        post.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), XML));
        if (soapAction != null) {
            post.setHeader("SOAPAction", "\"" + soapAction + "\"");
        }
        if (credentials != null && credentials.type() == EwsAuth.BASIC) {
            post.setHeader(GatewayExchangeService.AUTHORIZATION, EwsServiceFactory.basicAuthorization(
                    credentials.username(), credentials.password(), credentials.domain()));
        }
        HttpClientContext context = HttpClientContext.create();
        context.setCredentialsProvider(signIn);
        return execute(post, context);
    }

    /** GETs without credentials (the redirect probe, Autodiscover v2). */
    Reply get(String url, String accept) throws Failure {
        HttpGet get = new HttpGet(URI.create(url));
        if (accept != null) {
            get.setHeader("Accept", accept);
        }
        HttpClientContext context = HttpClientContext.create();
        context.setCredentialsProvider(proxyOnly);
        return execute(get, context);
    }

    private Reply execute(HttpRequestBase request, HttpClientContext context) throws Failure {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            expired.set(true);
            request.abort();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (CloseableHttpResponse response = client.execute(request, context)) {
            Header location = response.getFirstHeader("Location");
            return new Reply(response.getStatusLine().getStatusCode(), location == null ? null : location.getValue(),
                    read(response.getEntity()));
        } catch (IOException e) {
            if (expired.get()) {
                awaitAbort(deadline);
                throw timeout();
            }
            throw classify(e);
        } finally {
            deadline.cancel(false);
        }
    }

    /** The abort releases the connection on the timer thread; the next request needs it back first. */
    private static void awaitAbort(ScheduledFuture<?> deadline) {
        try {
            deadline.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException | TimeoutException e) {
            LOG.debugf("Aborting a timed-out autodiscover request failed: %s", e);
        }
    }

    private Failure timeout() {
        return new Failure(AutodiscoverOutcome.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
    }

    private Failure classify(IOException e) {
        if (e instanceof SocketTimeoutException || e instanceof ConnectTimeoutException) {
            return timeout();
        }
        if (e instanceof UnknownHostException) {
            return new Failure(AutodiscoverOutcome.UNREACHABLE, "unknown host " + e.getMessage());
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new Failure(AutodiscoverOutcome.UNREACHABLE, "connection refused");
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return new Failure(AutodiscoverOutcome.TLS_UNTRUSTED, "the certificate does not match the host name");
        }
        if (e instanceof SSLException) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof GeneralSecurityException) {
                    return new Failure(AutodiscoverOutcome.TLS_UNTRUSTED, "the certificate is not trusted");
                }
            }
            return new Failure(AutodiscoverOutcome.UNREACHABLE, "TLS handshake failed: " + e.getMessage());
        }
        return new Failure(AutodiscoverOutcome.UNREACHABLE, "connection failed: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }

    private static byte[] read(HttpEntity entity) throws IOException, Failure {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new Failure(AutodiscoverOutcome.INVALID_RESPONSE, "answer larger than " + MAX_BODY_BYTES
                        + " bytes");
            }
            return body;
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debugf("Closing the autodiscover HTTP client failed: %s", e.getMessage());
        }
    }
}
