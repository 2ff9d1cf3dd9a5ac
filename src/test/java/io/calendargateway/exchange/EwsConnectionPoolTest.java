package io.calendargateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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

    @Test
    void shouldSendAgainOnANewConnectionWhenTheServerClosedTheKeptOne() throws Exception {
        try (OneAnswerPerConnection server = new OneAnswerPerConnection(true)) {
            EwsEndpoint endpoint = EwsEndpoint.builder(server.url()).basic("svc", "pw", null).build();
            try (EwsConnectionPool pool = pool(endpoint, 1, Duration.ofSeconds(1))) {
                for (int i = 0; i < 3; i++) {
                    Folder calendar = pool.withService("a@contoso.com",
                            s -> Folder.bind(s, EwsConnectionPool.calendarOf("a@contoso.com")));
                    assertEquals(2, calendar.getTotalCount());
                }
                assertEquals(3, server.connections(), "each call after the first found its connection closed");
                assertEquals(3, created.size());
                assertTrue(created.get(0).isClosed() && created.get(1).isClosed());
                assertEquals(1, pool.idleCount());
            }
        }
    }

    @Test
    void shouldNotSendAgainWhenANewConnectionIsLost() throws Exception {
        try (OneAnswerPerConnection server = new OneAnswerPerConnection(false)) {
            EwsEndpoint endpoint = EwsEndpoint.builder(server.url()).basic("svc", "pw", null).build();
            try (EwsConnectionPool pool = pool(endpoint, 1, Duration.ofSeconds(1))) {
                UpstreamException e = assertThrows(UpstreamException.class, () -> pool.withService("a@contoso.com",
                        s -> Folder.bind(s, EwsConnectionPool.calendarOf("a@contoso.com"))));
                assertEquals("CONNECTION_LOST", e.failure().code());
                assertEquals(1, server.connections());
                assertEquals(0, pool.idleCount());
            }
        }
    }

    /**
     * A server that closes every connection after its first request without saying so (no
     * {@code Connection: close}), as a server does with a kept-alive connection that sat idle too long; it answers
     * that request with a calendar folder, or not at all.
     */
    private static final class OneAnswerPerConnection implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final AtomicInteger connections = new AtomicInteger();

        OneAnswerPerConnection(boolean answer) throws IOException {
            byte[] body = FakeEwsServer.getFolderCalendar("Calendar", 2).getBytes(StandardCharsets.UTF_8);
            Thread thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        connections.incrementAndGet();
                        skipRequest(connection.getInputStream());
                        if (answer) {
                            OutputStream out = connection.getOutputStream();
                            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: "
                                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(body);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "one-answer-per-connection");
            thread.setDaemon(true);
            thread.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/EWS/Exchange.asmx");
        }

        int connections() {
            return connections.get();
        }

        /** Reads one request: headers to the blank line, then Content-Length bytes. */
        private static void skipRequest(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int length = 0;
            for (int c; (c = in.read()) != -1; ) {
                if (c != '\n') {
                    line.append((char) c);
                    continue;
                }
                String header = line.toString().strip();
                line.setLength(0);
                if (header.isEmpty()) {
                    in.readNBytes(length);
                    return;
                }
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring("content-length:".length()).strip());
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
