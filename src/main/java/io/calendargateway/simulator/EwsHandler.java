package io.calendargateway.simulator;

import io.calendargateway.simulator.Authenticator.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * EWS at {@code POST /EWS/Exchange.asmx}: SOAP 1.1, parsed by namespace. Handles authentication, the
 * ExchangeImpersonation header and its faults, throttling (injected, and a per-account concurrency limit), and
 * dispatches to the operations in {@link EwsOperations}.
 */
final class EwsHandler {

    /** A SOAP fault to answer with (HTTP 500, no SOAP header). */
    static final class FaultException extends RuntimeException {
        final String code;
        final Map<String, String> values;

        FaultException(String code, String message, Map<String, String> values) {
            super(message);
            this.code = code;
            this.values = values;
        }
    }

    /** Per-request state shared with the operations. */
    record Context(Caller caller, Mailbox impersonated, boolean modern, Tenant.ServerVersion serverVersion) {

        Tenant tenant() {
            return caller.tenant();
        }
    }

    private final Scenario scenario;
    private final Authenticator authenticator;
    private final Faults faults;
    private final CallCounter calls;
    private final SimulatorOptions options;
    private final EwsOperations operations;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    EwsHandler(Scenario scenario, Authenticator authenticator, Faults faults, CallCounter calls,
            SimulatorOptions options) {
        this.scenario = scenario;
        this.authenticator = authenticator;
        this.faults = faults;
        this.calls = calls;
        this.options = options;
        this.operations = new EwsOperations(scenario);
    }

    SimResponse handle(SimRequest req) {
        Authenticator.Result auth = authenticator.authenticate(req);
        if (auth.response() != null) {
            return auth.response();
        }
        Caller caller = auth.caller();
        if (!"POST".equals(req.method())) {
            return new SimResponse(405, "text/html", "<html><body>Method not allowed</body></html>")
                    .header("Allow", "POST");
        }
        Document doc;
        try {
            doc = Xml.parse(req.body());
        } catch (IllegalArgumentException e) {
            return schemaViolation("The request failed schema validation: " + e.getMessage());
        }
        Element envelope = doc.getDocumentElement();
        if (!Xml.SOAP.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
            return schemaViolation("The request failed schema validation: the root element is not a SOAP 1.1"
                    + " Envelope.");
        }
        Element header = Xml.child(envelope, Xml.SOAP, "Header");
        Element body = Xml.child(envelope, Xml.SOAP, "Body");
        List<Element> ops = Xml.children(body);
        if (ops.isEmpty() || !Xml.MESSAGES.equals(ops.get(0).getNamespaceURI())) {
            return schemaViolation("The request failed schema validation: the SOAP Body holds no EWS request.");
        }
        Element op = ops.get(0);
        String opName = op.getLocalName();
        Element versionEl = Xml.child(header, Xml.TYPES, "RequestServerVersion");
        String version = Xml.attr(versionEl, "Version");
        boolean modern = version != null && !version.startsWith("Exchange2007") && !version.startsWith("Exchange2010");
        Element impersonation = Xml.child(header, Xml.TYPES, "ExchangeImpersonation");
        String impersonatedRaw = impersonatedAddress(impersonation);
        calls.record(opName, firstNonNull(operations.requestedMailbox(op), impersonatedRaw, ownAddress(caller)));
        try {
            Mailbox impersonated = resolveImpersonation(caller, impersonation, impersonatedRaw);
            if (caller.appOnly()) {
                if (impersonated == null) {
                    throw new FaultException("ErrorInvalidExchangeImpersonationHeaderData",
                            "ExchangeImpersonation SOAP header must be present for this type of OAuth token.", Map.of());
                }
                if (req.header("X-AnchorMailbox") == null) {
                    throw new FaultException("ErrorInternalServerError",
                            "An internal server error occurred. The operation failed.", Map.of());
                }
            }
            throttle(caller);
            AtomicInteger running = inFlight.computeIfAbsent(caller.name().toLowerCase(Locale.ROOT),
                    k -> new AtomicInteger());
            try {
                int limit = caller.account() != null ? caller.account().maxConcurrency() : 27;
                if (running.incrementAndGet() > limit) {
                    throw serverBusy(caller, false);
                }
                Context ctx = new Context(caller, impersonated, modern, caller.tenant().serverVersion());
                faults.sleep(opName);
                String responseBody = operations.dispatch(ctx, op);
                if (responseBody == null) {
                    return schemaViolation("The request failed schema validation: The element '" + opName
                            + "' in namespace '" + Xml.MESSAGES + "' is not supported by this server.")
                            .operation(opName);
                }
                SimResponse ok = SimResponse.xml(200, success(ctx.serverVersion(), responseBody)).operation(opName);
                ok.latencyApplied = true;
                return ok;
            } finally {
                running.decrementAndGet();
            }
        } catch (FaultException f) {
            return fault(f.code, f.getMessage(), f.values).operation(opName);
        }
    }

    private void throttle(Caller caller) {
        Faults.Throttle t = faults.throttleFor(caller.name(),
                caller.account() != null ? caller.account().upn() : null);
        if (t != null) {
            throw serverBusy(caller, !t.withBackOff());
        }
    }

    private FaultException serverBusy(Caller caller, boolean forceNoBackOff) {
        Map<String, String> values = new LinkedHashMap<>();
        if (forceNoBackOff || caller.tenant().online()) {
            int limit = caller.account() != null ? caller.account().maxConcurrency() : 27;
            values.put("Policy", "MaxConcurrency");
            values.put("MaxConcurrencyLimit", String.valueOf(limit));
            values.put("ErrorMessage", "This operation exceeds the throttling budget for policy part 'MaxConcurrency',"
                    + " policy value '" + limit + "',  Budget type: 'Ews'.  Suggested backoff time 0 ms.");
        } else {
            values.put("BackOffMilliseconds", String.valueOf(options.backOffMilliseconds()));
        }
        return new FaultException("ErrorServerBusy", "The server cannot service this request right now. Try again"
                + " later.", values);
    }

    private Mailbox resolveImpersonation(Caller caller, Element impersonation, String address) {
        if (impersonation == null) {
            return null;
        }
        Element sid = Xml.child(impersonation, Xml.TYPES, "ConnectingSID");
        String kind = sid == null || Xml.children(sid).isEmpty() ? null : Xml.children(sid).get(0).getLocalName();
        if (kind == null || address == null || address.isEmpty()) {
            throw new FaultException("ErrorInvalidExchangeImpersonationHeaderData",
                    "The impersonation principal name is invalid.", Map.of());
        }
        Optional<Mailbox> mailbox = switch (kind) {
            case "PrincipalName" -> scenario.mailbox(address)
                    .or(() -> scenario.accountByUpn(address).flatMap(a -> scenario.mailbox(a.upn())));
            case "SmtpAddress", "PrimarySmtpAddress" -> scenario.mailbox(address);
            default -> Optional.empty();
        };
        mailbox = mailbox.filter(m -> m.tenant() == caller.tenant());
        if (mailbox.isEmpty()) {
            String valueName = "PrincipalName".equals(kind) ? "PrincipalName" : "SmtpAddress";
            String text = "PrincipalName".equals(kind) ? "The impersonation principal name is invalid."
                    : "The SMTP address has no mailbox associated with it.";
            throw new FaultException("PrincipalName".equals(kind) ? "ErrorImpersonationFailed"
                    : "ErrorNonExistentMailbox", text, Map.of(valueName, address));
        }
        boolean allowed = caller.appOnly()
                ? caller.roles().contains("full_access_as_app")
                : caller.account() != null && caller.account().mayImpersonate(mailbox.get());
        if (!allowed) {
            throw new FaultException("ErrorImpersonateUserDenied",
                    "The account does not have permission to impersonate the requested user.", Map.of());
        }
        return mailbox.get();
    }

    private static String impersonatedAddress(Element impersonation) {
        Element sid = Xml.child(impersonation, Xml.TYPES, "ConnectingSID");
        List<Element> kids = Xml.children(sid);
        return kids.isEmpty() ? null : Xml.text(kids.get(0));
    }

    private static String ownAddress(Caller caller) {
        return caller.account() != null ? caller.account().upn() : caller.appId();
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    static String success(Tenant.ServerVersion v, String responseElement) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><s:Envelope xmlns:s=\"" + Xml.SOAP + "\"><s:Header>"
                + "<h:ServerVersionInfo MajorVersion=\"" + v.major() + "\" MinorVersion=\"" + v.minor()
                + "\" MajorBuildNumber=\"" + v.majorBuild() + "\" MinorBuildNumber=\"" + v.minorBuild()
                + "\" Version=\"" + v.version() + "\" xmlns:h=\"" + Xml.TYPES + "\" xmlns=\"" + Xml.TYPES
                + "\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"/></s:Header>"
                + "<s:Body xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">" + responseElement + "</s:Body></s:Envelope>";
    }

    /** A SOAP fault as Exchange sends it: HTTP 500, no header, detail in the errors namespace. */
    static SimResponse fault(String code, String message, Map<String, String> values) {
        Xml.Writer w = new Xml.Writer();
        w.raw("<?xml version=\"1.0\" encoding=\"utf-8\"?><s:Envelope xmlns:s=\"" + Xml.SOAP + "\"><s:Body><s:Fault>");
        w.raw("<faultcode xmlns:a=\"" + Xml.TYPES + "\">a:" + code + "</faultcode>");
        w.raw("<faultstring xml:lang=\"en-US\">" + Xml.escape(message) + "</faultstring><detail>");
        w.raw("<e:ResponseCode xmlns:e=\"" + Xml.ERRORS + "\">" + code + "</e:ResponseCode>");
        w.raw("<e:Message xmlns:e=\"" + Xml.ERRORS + "\">" + Xml.escape(message) + "</e:Message>");
        if (!values.isEmpty()) {
            w.raw("<t:MessageXml xmlns:t=\"" + Xml.TYPES + "\">");
            values.forEach((k, v) -> w.leafWithAttrs("t:Value", v, "Name", k));
            w.raw("</t:MessageXml>");
        }
        w.raw("</detail></s:Fault></s:Body></s:Envelope>");
        return SimResponse.xml(500, w.toString());
    }

    private static SimResponse schemaViolation(String message) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("LineNumber", "1");
        values.put("LinePosition", "1");
        values.put("Violation", message);
        return fault("ErrorSchemaValidation", "The request failed schema validation.", values);
    }
}
