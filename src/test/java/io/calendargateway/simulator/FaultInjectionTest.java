package io.calendargateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fault injection and call counters through raw SOAP; the requests use unusual prefixes to show the server
 * reads namespaces, not prefixes.
 */
class FaultInjectionTest {

    static ExchangeSimulator sim;

    static final String FIND_ITEM = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:typ=\"http://schemas.microsoft.com/exchange/services/2006/types\">"
            + "<env:Header><typ:RequestServerVersion Version=\"Exchange2013\"/>"
            + "<typ:ExchangeImpersonation><typ:ConnectingSID><typ:PrimarySmtpAddress>room1@contoso.com"
            + "</typ:PrimarySmtpAddress></typ:ConnectingSID></typ:ExchangeImpersonation></env:Header>"
            + "<env:Body><FindItem xmlns=\"http://schemas.microsoft.com/exchange/services/2006/messages\""
            + " Traversal=\"Shallow\"><ItemShape><typ:BaseShape>AllProperties</typ:BaseShape></ItemShape>"
            + "<CalendarView StartDate=\"2026-03-17T23:00:00Z\" EndDate=\"2026-03-18T23:00:00Z\"/>"
            + "<ParentFolderIds><typ:DistinguishedFolderId Id=\"calendar\"/></ParentFolderIds></FindItem>"
            + "</env:Body></env:Envelope>";

    @BeforeAll
    static void start() {
        sim = ExchangeSimulator.start(Scenarios.defaultScenario(LocalDate.of(2026, 3, 18)));
    }

    @AfterAll
    static void stop() {
        try {
            SchemaSupport.assertEwsTrafficValid(sim);
        } finally {
            sim.close();
        }
    }

    @AfterEach
    void reset() {
        sim.faults().reset();
        sim.calls().reset();
    }

    static HttpResponse<String> findItem() throws Exception {
        return Http.postXml(sim.ewsUrl(), FIND_ITEM, "Authorization",
                Http.basic("CONTOSO\\svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD));
    }

    @Test
    void shouldParseByNamespaceAndCountCallsPerMailbox() throws Exception {
        HttpResponse<String> r = findItem();
        assertEquals(200, r.statusCode());
        assertEquals("text/xml; charset=utf-8", r.headers().firstValue("Content-Type").orElse(null));
        assertTrue(r.body().contains("<t:LegacyFreeBusyStatus>WorkingElsewhere</t:LegacyFreeBusyStatus>"),
                "an Exchange2013 request sees WorkingElsewhere");
        assertTrue(r.body().contains("<m:RootFolder TotalItemsInView=\"11\" IncludesLastItemInRange=\"true\">"));
        findItem();
        assertEquals(2, sim.calls().count("FindItem", "room1@contoso.com"));
        assertEquals(2, sim.calls().count("FindItem"));
        assertEquals(0, sim.calls().count("FindItem", "room2@contoso.com"));
    }

    @Test
    void shouldDelayOperations() throws Exception {
        sim.faults().latency("FindItem", Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertEquals(200, findItem().statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toMillis() >= 300);
    }

    @Test
    void shouldSendGarbageAndTruncatedXml() throws Exception {
        sim.faults().garbage("FindItem");
        HttpResponse<String> garbage = findItem();
        assertEquals(200, garbage.statusCode());
        assertThrows(Exception.class, () -> SchemaSupport.parse(garbage.body()));
        sim.faults().reset().truncated("FindItem");
        HttpResponse<String> truncated = findItem();
        assertTrue(truncated.body().startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><s:Envelope"));
        assertThrows(Exception.class, () -> SchemaSupport.parse(truncated.body()));
    }

    @Test
    void shouldGoDownWith503OrRefusedConnections() throws Exception {
        sim.faults().outage(Outage.HTTP_503);
        assertEquals(503, findItem().statusCode());
        sim.faults().outage(Outage.CONNECTION_REFUSED);
        Exception e = assertThrows(Exception.class, FaultInjectionTest::findItem);
        assertTrue(e instanceof ConnectException || e.getCause() instanceof ConnectException, e.toString());
        sim.faults().endOutage();
        assertEquals(200, findItem().statusCode());
    }

    @Test
    void shouldAnswerUnknownImpersonatedMailboxWithFaultWithoutHeader() throws Exception {
        HttpResponse<String> r = Http.postXml(sim.ewsUrl(), FIND_ITEM.replace("room1@contoso.com", "ghost@contoso.com"),
                "Authorization", Http.basic("CONTOSO\\svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD));
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("<faultcode xmlns:a=\"http://schemas.microsoft.com/exchange/services/2006/types\">"
                + "a:ErrorNonExistentMailbox</faultcode>"), r.body());
        assertTrue(r.body().contains("<t:Value Name=\"SmtpAddress\">ghost@contoso.com</t:Value>"));
        assertTrue(!r.body().contains("Header"));
    }
}
