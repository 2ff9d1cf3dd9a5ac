package io.calendargateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.calendargateway.exchange.FakeEwsServer.Reply;
import io.calendargateway.upstream.UpstreamException;
import io.calendargateway.upstream.UpstreamFailure;
import io.calendargateway.upstream.UpstreamFailure.Kind;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.service.folder.Folder;

class EwsConnectionPoolTest {

    private static final URI URL = URI.create("https://mail.contoso.test/EWS/Exchange.asmx");
    private final EwsServiceFactory factory = new EwsServiceFactory();
    private final List<GatewayExchangeService> created = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    private EwsConnectionPool pool(EwsEndpoint endpoint, int max, Duration acquireTimeout) {
        return new EwsConnectionPool(endpoint, () -> {
            GatewayExchangeService s = factory.create(endpoint);
            created.add(s);
            return s;
        }, max, acquireTimeout);
    }

    private static EwsEndpoint ntlm() {
        return EwsEndpoint.builder(URL).ntlm("svc", "pw", "CONTOSO").build();
    }

    @Test
    void shouldReuseOneInstanceForSequentialCalls() {
        try (EwsConnectionPool pool = pool(ntlm(), 4, Duration.ofSeconds(1))) {
            ExchangeService first = pool.withService("a@contoso.com", s -> s);
            ExchangeService second = pool.withService("b@contoso.com", s -> s);

            assertSame(first, second);
            assertEquals(1, created.size());
            assertEquals(1, pool.idleCount());
        }
    }

    @Test
    void shouldLendEachInstanceToOneCallerAtATimeAndBoundConcurrency() throws Exception {
        try (EwsConnectionPool pool = pool(ntlm(), 2, Duration.ofMillis(300))) {
            CountDownLatch inside = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger maxRunning = new AtomicInteger();
            List<ExchangeService> lent = new CopyOnWriteArrayList<>();
            EwsCall<Void> blocking = s -> {
                lent.add(s);
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                inside.countDown();
                release.await(5, TimeUnit.SECONDS);
                running.decrementAndGet();
                return null;
            };
            Future<?> one = workers.submit(() -> pool.withService("a@contoso.com", blocking));
            Future<?> two = workers.submit(() -> pool.withService("b@contoso.com", blocking));
            assertTrue(inside.await(5, TimeUnit.SECONDS));

            long start = System.nanoTime();
            UpstreamException busy = assertThrows(UpstreamException.class, () -> pool.withService("c@contoso.com", s -> s));
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;

            assertEquals(Kind.BUSY, busy.failure().kind());
            assertEquals("GATEWAY_CONCURRENCY_LIMIT", busy.failure().code());
            assertEquals("All 2 EWS connections of this profile stayed busy for 300 ms", busy.getMessage());
            assertTrue(waitedMillis >= 250, "waited " + waitedMillis + " ms");

            release.countDown();
            one.get(5, TimeUnit.SECONDS);
            two.get(5, TimeUnit.SECONDS);
            assertEquals(2, maxRunning.get());
            assertEquals(2, lent.stream().distinct().count(), "concurrent callers get different instances");
            assertEquals(2, pool.idleCount());
        }
    }

    @Test
    void shouldLetAWaitingCallerInWhenASlotFrees() throws Exception {
        try (EwsConnectionPool pool = pool(ntlm(), 1, Duration.ofSeconds(5))) {
            CountDownLatch inside = new CountDownLatch(1);
            Future<?> first = workers.submit(() -> pool.withService("a@contoso.com", s -> {
                inside.countDown();
                Thread.sleep(200);
                return null;
            }));
            assertTrue(inside.await(5, TimeUnit.SECONDS));

            String result = pool.withService("b@contoso.com", s -> "second");

            assertEquals("second", result);
            first.get(5, TimeUnit.SECONDS);
            assertEquals(1, created.size());
        }
    }

    @Test
    void shouldCloseIdleInstancesOnCloseAndLentOnesWhenTheyComeBack() throws Exception {
        EwsConnectionPool pool = pool(ntlm(), 2, Duration.ofSeconds(1));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<GatewayExchangeService> busy = new CopyOnWriteArrayList<>();
        Future<?> running = workers.submit(() -> pool.withService("a@contoso.com", s -> {
            busy.add((GatewayExchangeService) s);
            inside.countDown();
            release.await(5, TimeUnit.SECONDS);
            return null;
        }));
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        GatewayExchangeService idle = (GatewayExchangeService) pool.withService("b@contoso.com", s -> s);
        assertEquals(2, created.size());
        assertEquals(1, pool.idleCount());

        pool.close();

        assertTrue(idle.isClosed());
        assertFalse(busy.get(0).isClosed(), "a lent instance is not closed under its caller");
        release.countDown();
        running.get(5, TimeUnit.SECONDS);
        assertTrue(busy.get(0).isClosed());
        assertEquals(0, pool.idleCount());
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> pool.withService(null, s -> null));
        assertEquals("The EWS connection pool for " + URL + " is closed", closed.getMessage());
    }

    @Test
    void shouldDiscardAnInstanceAfterAConnectionFailureButKeepItAfterAnExchangeError() throws Exception {
        try (FakeEwsServer server = FakeEwsServer.http(r -> Reply.xml(200,
                FakeEwsServer.getFolderError("ErrorNonExistentMailbox", "No mailbox.")))) {
            EwsEndpoint endpoint = EwsEndpoint.builder(server.url()).ntlm("svc", "pw", null).build();
            try (EwsConnectionPool pool = pool(endpoint, 1, Duration.ofSeconds(1))) {
                assertThrows(UpstreamException.class, () -> pool.withService("a@contoso.com",
                        s -> Folder.bind(s, EwsConnectionPool.calendarOf("a@contoso.com"))));
                assertEquals(1, pool.idleCount());

                UpstreamException e = assertThrows(UpstreamException.class, () -> pool.withService("a@contoso.com", s -> {
                    throw new java.net.SocketTimeoutException("Read timed out");
                }));
                assertEquals(Kind.TIMEOUT, e.failure().kind());
                assertEquals(0, pool.idleCount());
                assertTrue(created.get(0).isClosed());
            }
        }
    }

    @Test
    void shouldFetchAFreshBearerTokenForEveryCall() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        try (FakeEwsServer server = FakeEwsServer.http(
                r -> Reply.xml(200, FakeEwsServer.getFolderCalendar("Calendar", 2)))) {
            EwsEndpoint endpoint = EwsEndpoint.builder(server.url())
                    .bearer(() -> "token-" + issued.incrementAndGet()).build();
            try (EwsConnectionPool pool = pool(endpoint, 1, Duration.ofSeconds(1))) {
                for (String mailbox : List.of("r1@contoso.com", "r2@contoso.com")) {
                    pool.withService(mailbox, s -> Folder.bind(s, EwsConnectionPool.calendarOf(mailbox)));
                }
            }
            assertEquals("Bearer token-1", server.requests().get(0).header("Authorization"));
            assertEquals("Bearer token-2", server.requests().get(1).header("Authorization"));
            assertEquals("r1@contoso.com", server.requests().get(0).header("X-AnchorMailbox"));
            assertEquals("r2@contoso.com", server.requests().get(1).header("X-AnchorMailbox"));
            assertTrue(server.requests().get(1).body().contains("<t:SmtpAddress>r2@contoso.com</t:SmtpAddress>"));
            assertFalse(server.requests().get(1).body().contains("r1@contoso.com"));
        }
    }
}
