package io.calendargateway.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A loopback HTTP(S) server that records requests and answers them with a scripted reply: enough EWS to tell a
 * TLS failure from an HTTP or SOAP one. The simulated Exchange in {@code io.calendargateway.simulator} is the
 * faithful one; this one only exercises the client plumbing.
 */
final class FakeEwsServer implements AutoCloseable {

    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String MESSAGES_NS = "http://schemas.microsoft.com/exchange/services/2006/messages";
    static final String TYPES_NS = "http://schemas.microsoft.com/exchange/services/2006/types";

    record Request(Map<String, List<String>> headers, String body) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    record Reply(int status, Map<String, List<String>> headers, String body, long delayMillis) {
        static Reply xml(int status, String body) {
            return new Reply(status, Map.of("Content-Type", List.of("text/xml; charset=utf-8")), body, 0);
        }

        Reply delayed(long millis) {
            return new Reply(status, headers, body, millis);
        }
    }

    private final HttpServer server;
    private final boolean https;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Reply> script;

    private FakeEwsServer(HttpServer server, boolean https) {
        this.server = server;
        this.https = https;
        server.createContext("/EWS/Exchange.asmx", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    static FakeEwsServer http(Function<Request, Reply> script) throws IOException {
        FakeEwsServer s = new FakeEwsServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), false);
        s.script = script;
        return s;
    }

    static FakeEwsServer https(SSLContext context, Function<Request, Reply> script) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        FakeEwsServer s = new FakeEwsServer(server, true);
        s.script = script;
        return s;
    }

    URI url() {
        return URI.create((https ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort()
                + "/EWS/Exchange.asmx");
    }

    List<Request> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(request);
        Reply reply = script.apply(request);
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reply.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // --- canned EWS answers ---

    static String getFolderCalendar(String displayName, int totalCount) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<s:Envelope xmlns:s=\"" + SOAP_NS + "\"><s:Header>"
                + "<h:ServerVersionInfo MajorVersion=\"14\" MinorVersion=\"3\" MajorBuildNumber=\"123\""
                + " MinorBuildNumber=\"4\" Version=\"Exchange2010_SP2\" xmlns:h=\"" + TYPES_NS + "\"/>"
                + "</s:Header><s:Body>"
                + "<m:GetFolderResponse xmlns:m=\"" + MESSAGES_NS + "\" xmlns:t=\"" + TYPES_NS + "\">"
                + "<m:ResponseMessages><m:GetFolderResponseMessage ResponseClass=\"Success\">"
                + "<m:ResponseCode>NoError</m:ResponseCode><m:Folders><t:CalendarFolder>"
                + "<t:FolderId Id=\"AAMkCal\" ChangeKey=\"AgAA\"/>"
                + "<t:DisplayName>" + displayName + "</t:DisplayName>"
                + "<t:TotalCount>" + totalCount + "</t:TotalCount>"
                + "<t:ChildFolderCount>0</t:ChildFolderCount>"
                + "</t:CalendarFolder></m:Folders></m:GetFolderResponseMessage></m:ResponseMessages>"
                + "</m:GetFolderResponse></s:Body></s:Envelope>";
    }

    static String getFolderError(String responseCode, String messageText) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<s:Envelope xmlns:s=\"" + SOAP_NS + "\"><s:Header>"
                + "<h:ServerVersionInfo MajorVersion=\"14\" MinorVersion=\"3\" MajorBuildNumber=\"123\""
                + " MinorBuildNumber=\"4\" Version=\"Exchange2010_SP2\" xmlns:h=\"" + TYPES_NS + "\"/>"
                + "</s:Header><s:Body>"
                + "<m:GetFolderResponse xmlns:m=\"" + MESSAGES_NS + "\" xmlns:t=\"" + TYPES_NS + "\">"
                + "<m:ResponseMessages><m:GetFolderResponseMessage ResponseClass=\"Error\">"
                + "<m:MessageText>" + messageText + "</m:MessageText>"
                + "<m:ResponseCode>" + responseCode + "</m:ResponseCode>"
                + "<m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>"
                + "<m:Folders/></m:GetFolderResponseMessage></m:ResponseMessages>"
                + "</m:GetFolderResponse></s:Body></s:Envelope>";
    }

    /** An HTTP 500 SOAP fault as Exchange sends it (no s:Header), optionally with BackOffMilliseconds. */
    static String fault(String code, String text, Long backOffMillis) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<s:Envelope xmlns:s=\"" + SOAP_NS + "\"><s:Body><s:Fault>"
                + "<faultcode xmlns:a=\"" + TYPES_NS + "\">a:" + code + "</faultcode>"
                + "<faultstring xml:lang=\"en-US\">" + text + "</faultstring><detail>"
                + "<e:ResponseCode xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/errors\">" + code
                + "</e:ResponseCode>"
                + "<e:Message xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/errors\">" + text
                + "</e:Message>"
                + (backOffMillis == null ? ""
                        : "<t:MessageXml xmlns:t=\"" + TYPES_NS + "\"><t:Value Name=\"BackOffMilliseconds\">"
                                + backOffMillis + "</t:Value></t:MessageXml>")
                + "</detail></s:Fault></s:Body></s:Envelope>";
    }
}
