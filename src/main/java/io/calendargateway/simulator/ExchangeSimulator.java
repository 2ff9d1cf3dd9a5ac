package io.calendargateway.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A simulated Microsoft Exchange on loopback: EWS ({@code /EWS/Exchange.asmx}), autodiscover (POX, SOAP, v2
 * JSON), an Entra ID token endpoint ({@code /{tenant}/oauth2/v2.0/token}) and Microsoft Graph ({@code /v1.0}),
 * over HTTP and HTTPS (self-signed certificate for 127.0.0.1 and localhost, see {@link #httpsCertificatePem()}).
 *
 * <pre>{@code
 * try (ExchangeSimulator sim = ExchangeSimulator.start(Scenarios.defaultScenario())) {
 *     String url = sim.ewsUrl();                       // http://127.0.0.1:port/EWS/Exchange.asmx
 *     sim.faults().latency("FindItem", Duration.ofMillis(500));
 *     int calls = sim.calls().count("FindItem", "room1@contoso.com");
 * }
 * }</pre>
 *
 * Nothing runs until {@link #start} is called; {@link #close()} stops both listeners.
 */
public final class ExchangeSimulator implements AutoCloseable {

    /**
     * One request/response pair as the server saw it (bodies as text), for fidelity checks. {@code faultInjected}
     * marks responses replaced or cut by {@link Faults} (garbage, truncation, outage).
     */
    public record Exchange(String path, String operation, String authScheme, String requestContentType,
            String requestBody, int status, String responseContentType, String responseBody, boolean faultInjected) {
    }

    private static final Pattern TOKEN_PATH = Pattern.compile("^/([^/]+)/oauth2/v2\\.0/token/?$");
    private static final int CAPTURE_LIMIT = 5000;

    private final Scenario scenario;
    private final SimulatorOptions options;
    private final SelfSignedCertificate certificate;
    private final Faults faults;
    private final CallCounter calls = new CallCounter();
    private final TokenService tokens;
    private final EwsHandler ews;
    private final AutodiscoverHandler autodiscover;
    private final GraphHandler graph;
    private final ConcurrentLinkedDeque<Exchange> captured = new ConcurrentLinkedDeque<>();
    private final ExecutorService executor;
    private HttpServer http;
    private HttpsServer https;
    private int httpPort;
    private int httpsPort = -1;

    private ExchangeSimulator(Scenario scenario, SimulatorOptions options) {
        this.scenario = scenario;
        this.options = options;
        List<String> names = new ArrayList<>(options.certificateNames());
        for (Tenant t : scenario.tenants()) {
            for (String d : t.domains()) {
                names.add(d);
                names.add("autodiscover." + d);
            }
        }
        this.certificate = SelfSignedCertificate.generate(names);
        this.faults = new Faults(this::applyOutage);
        this.tokens = new TokenService(scenario, certificate.keyPair(), options.clock(), calls);
        Authenticator authenticator = new Authenticator(scenario, tokens, options.ewsAuthSchemes());
        this.ews = new EwsHandler(scenario, authenticator, faults, calls, options);
        this.autodiscover = new AutodiscoverHandler(scenario, authenticator, calls, this);
        this.graph = new GraphHandler(scenario, tokens, faults, calls, options);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "exchange-simulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public static ExchangeSimulator start(Scenario scenario) {
        return start(scenario, SimulatorOptions.defaults());
    }

    /** Starts HTTP (and HTTPS unless {@code httpsPort} is -1) on 127.0.0.1; port 0 picks a free port. */
    public static ExchangeSimulator start(Scenario scenario, SimulatorOptions options) {
        ExchangeSimulator sim = new ExchangeSimulator(scenario, options);
        try {
            sim.listen(options.httpPort(), options.httpsPort());
        } catch (IOException e) {
            sim.close();
            throw new IllegalStateException("cannot start the Exchange simulator: " + e.getMessage(), e);
        }
        return sim;
    }

    private synchronized void listen(int httpPortWanted, int httpsPortWanted) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        http = HttpServer.create(new InetSocketAddress(loopback, httpPortWanted), 100);
        http.createContext("/", ex -> handle(ex, false));
        http.setExecutor(executor);
        http.start();
        httpPort = http.getAddress().getPort();
        if (httpsPortWanted >= 0) {
            https = HttpsServer.create(new InetSocketAddress(loopback, httpsPortWanted), 100);
            SSLContext ctx = certificate.serverContext();
            https.setHttpsConfigurator(new HttpsConfigurator(ctx));
            https.createContext("/", ex -> handle(ex, true));
            https.setExecutor(executor);
            https.start();
            httpsPort = https.getAddress().getPort();
        }
    }

    private synchronized void applyOutage(Outage outage) {
        if (outage == Outage.CONNECTION_REFUSED) {
            stopListeners();
        } else if (http == null) {
            try {
                listen(httpPort, https == null && httpsPort < 0 ? -1 : httpsPort);
            } catch (IOException e) {
                throw new IllegalStateException("cannot restart the Exchange simulator on its ports", e);
            }
        }
    }

    private void stopListeners() {
        if (http != null) {
            http.stop(0);
            http = null;
        }
        if (https != null) {
            https.stop(0);
            https = null;
        }
    }

    @Override
    public synchronized void close() {
        stopListeners();
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------ URLs and state

    public String httpBaseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String httpsBaseUrl() {
        if (httpsPort < 0) {
            throw new IllegalStateException("HTTPS is off (httpsPort -1)");
        }
        return "https://127.0.0.1:" + httpsPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public int httpsPort() {
        return httpsPort;
    }

    public String ewsUrl() {
        return httpBaseUrl() + "/EWS/Exchange.asmx";
    }

    public String ewsHttpsUrl() {
        return httpsBaseUrl() + "/EWS/Exchange.asmx";
    }

    /** The Entra-style token endpoint of a tenant (id or domain), over HTTP. */
    public String tokenUrl(String tenant) {
        return httpBaseUrl() + "/" + tenant + "/oauth2/v2.0/token";
    }

    public String tokenHttpsUrl(String tenant) {
        return httpsBaseUrl() + "/" + tenant + "/oauth2/v2.0/token";
    }

    /** Graph's base, like https://graph.microsoft.com/v1.0. */
    public String graphUrl() {
        return httpBaseUrl() + "/v1.0";
    }

    public String graphHttpsUrl() {
        return httpsBaseUrl() + "/v1.0";
    }

    public String autodiscoverPoxUrl() {
        return httpsBaseUrl() + "/autodiscover/autodiscover.xml";
    }

    public String autodiscoverSoapUrl() {
        return httpsBaseUrl() + "/autodiscover/autodiscover.svc";
    }

    /** The v2 endpoint; append {@code ?Email=...&Protocol=EWS}. */
    public String autodiscoverV2Url() {
        return httpsBaseUrl() + "/autodiscover/autodiscover.json";
    }

    /** The HTTPS certificate (self-signed, so also the CA to trust) as PEM. */
    public String httpsCertificatePem() {
        return certificate.pem();
    }

    /** An SSLContext that trusts exactly this simulator's certificate. */
    public SSLContext trustingSslContext() {
        return certificate.clientContext();
    }

    public Scenario scenario() {
        return scenario;
    }

    public Faults faults() {
        return faults;
    }

    public CallCounter calls() {
        return calls;
    }

    /** Every request/response seen so far (EWS, autodiscover, token, Graph), oldest first; bounded. */
    public List<Exchange> captured() {
        return List.copyOf(captured);
    }

    public void clearCaptured() {
        captured.clear();
    }

    /**
     * Issues a token as the token endpoint would for a configured app (client credentials), for tests that need
     * a token without an HTTP round trip. {@code audience} is https://outlook.office365.com or
     * https://graph.microsoft.com.
     */
    public String issueAppToken(String tenant, String clientId, String audience) {
        Tenant t = scenario.tenant(tenant).orElseThrow();
        OAuthApp app = scenario.app(t, clientId).orElseThrow();
        return tokens.issue(tokens.appClaims(t, app, audience));
    }

    // ------------------------------------------------------------------ request handling

    private void handle(HttpExchange ex, boolean secure) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            String host = ex.getRequestHeaders().getFirst("Host");
            String base = (secure ? "https://" : "http://") + "127.0.0.1:" + (secure ? httpsPort : httpPort);
            SimRequest req = new SimRequest(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    ex.getRequestURI().getRawQuery(), SimRequest.caseInsensitive(ex.getRequestHeaders()), body,
                    (secure ? "https:" : "http:") + ex.getRemoteAddress(), secure, base);
            SimResponse resp;
            if (faults.outage() == Outage.HTTP_503) {
                resp = new SimResponse(503, "text/html", "<html><body><h1>Service Unavailable</h1></body></html>")
                        .header("Retry-After", "30");
                resp.faultInjected = true;
            } else {
                try {
                    resp = route(req);
                } catch (RuntimeException e) {
                    resp = new SimResponse(500, "text/plain", "simulator error: " + e);
                }
                applyFaults(resp);
            }
            capture(req, resp);
            write(ex, resp, host);
        }
    }

    private SimResponse route(SimRequest req) {
        String path = req.path();
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.equals("/ews/exchange.asmx")) {
            return ews.handle(req);
        }
        if (lower.equals("/autodiscover/autodiscover.xml")) {
            return autodiscover.pox(req);
        }
        if (lower.equals("/autodiscover/autodiscover.svc")) {
            return autodiscover.soap(req);
        }
        if (lower.startsWith("/autodiscover/autodiscover.json")) {
            return autodiscover.v2(req);
        }
        if (path.startsWith("/v1.0/")) {
            return graph.handle(req, path.substring("/v1.0".length()));
        }
        Matcher m = TOKEN_PATH.matcher(path);
        if (m.matches()) {
            return tokens.handle(req, m.group(1));
        }
        if (path.equals("/simulator/certificate.pem")) {
            return new SimResponse(200, "application/x-pem-file", certificate.pem());
        }
        return new SimResponse(404, "text/html", "<html><body><h1>404 - File or directory not found.</h1></body></html>");
    }

    private void applyFaults(SimResponse resp) {
        if (!resp.latencyApplied) {
            faults.sleep(resp.operation);
        }
        if (faults.garbageFor(resp.operation)) {
            resp.faultInjected = true;
            resp.status = 200;
            resp.body = "\u0000\u00ff<<garbage>> this is not a valid response ]]>&&".getBytes(StandardCharsets.UTF_8);
        } else if (faults.truncatedFor(resp.operation) && resp.body.length > 1) {
            resp.faultInjected = true;
            resp.body = java.util.Arrays.copyOf(resp.body, resp.body.length / 2);
        }
    }

    private void capture(SimRequest req, SimResponse resp) {
        String authorization = req.header("Authorization");
        String scheme = authorization == null ? null : authorization.split(" ", 2)[0];
        captured.add(new Exchange(req.path(), resp.operation, scheme, req.header("Content-Type"), req.bodyText(),
                resp.status, resp.contentType, resp.bodyText(), resp.faultInjected));
        while (captured.size() > CAPTURE_LIMIT) {
            captured.pollFirst();
        }
    }

    private static void write(HttpExchange ex, SimResponse resp, String host) throws IOException {
        var headers = ex.getResponseHeaders();
        headers.add("Server", "Microsoft-IIS/10.0");
        headers.add("X-Powered-By", "ASP.NET");
        if (resp.contentType != null) {
            headers.add("Content-Type", resp.contentType);
        }
        for (Map.Entry<String, String> h : resp.headers) {
            headers.add(h.getKey(), h.getValue());
        }
        if (resp.closeConnection) {
            headers.add("Connection", "close");
        }
        boolean noBody = resp.body.length == 0 || "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(resp.status, noBody ? -1 : resp.body.length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(resp.body);
            }
        }
    }
}
