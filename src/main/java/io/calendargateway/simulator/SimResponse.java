package io.calendargateway.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An HTTP response produced by a handler, plus the operation and mailbox it concerned (for faults and counters). */
final class SimResponse {

    static final String XML = "text/xml; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";

    int status;
    String contentType;
    byte[] body;
    final List<Map.Entry<String, String>> headers = new ArrayList<>();
    String operation;
    /** Set when the connection must be closed after the response (a failed NTLM handshake). */
    boolean closeConnection;
    /** Set when the handler already slept the injected latency (inside its concurrency slot). */
    boolean latencyApplied;
    /** Set when fault injection replaced or cut the body. */
    boolean faultInjected;

    SimResponse(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    }

    static SimResponse xml(int status, String body) {
        return new SimResponse(status, XML, body);
    }

    static SimResponse json(int status, String body) {
        return new SimResponse(status, JSON, body);
    }

    static SimResponse empty(int status) {
        return new SimResponse(status, null, null);
    }

    SimResponse header(String name, String value) {
        headers.add(Map.entry(name, value));
        return this;
    }

    SimResponse operation(String op) {
        this.operation = op;
        return this;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
