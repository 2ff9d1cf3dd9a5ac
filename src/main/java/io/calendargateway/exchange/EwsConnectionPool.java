package io.calendargateway.exchange;

import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.calendargateway.upstream.TransportErrors;
import io.calendargateway.upstream.UpstreamException;
import io.calendargateway.upstream.UpstreamFailure;
import io.calendargateway.upstream.UpstreamFailure.Kind;

import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.Mailbox;

/**
 * Lends {@code ExchangeService} instances of one endpoint (one profile version) to one caller at a time, since
 * they are not thread-safe, and bounds how many calls run against the endpoint at once.
 * <p>
 * <b>Blocking:</b> {@link #withService} performs network I/O and may wait for a free slot. Call it on a worker
 * thread, never on the Vert.x event loop.
 * <p>
 * Close the pool when its profile changes or is deleted: idle instances are closed at once, lent ones when their
 * call returns.
 */
public final class EwsConnectionPool implements AutoCloseable {

    public static final int DEFAULT_MAX_CONCURRENCY = 4;
    /** What a request on a connection the server has closed in the meantime fails with. */
    private static final String STALE_CONNECTION = TransportErrors.connectionLost().code();

    private final EwsEndpoint endpoint;
    private final Supplier<GatewayExchangeService> factory;
    private final Semaphore permits;
    private final int maxConcurrency;
    private final Duration acquireTimeout;
    private final Deque<GatewayExchangeService> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    /**
     * @param maxConcurrency calls allowed at once against this endpoint (Exchange's EWSMaxConcurrency is 27 per
     *        account, shared with every other client of that account)
     * @param acquireTimeout how long a caller waits for a free slot before failing with {@link Kind#BUSY}
     */
    public EwsConnectionPool(EwsEndpoint endpoint, EwsServiceFactory factory, int maxConcurrency,
            Duration acquireTimeout) {
        this(endpoint, () -> factory.create(endpoint), maxConcurrency, acquireTimeout);
    }

    EwsConnectionPool(EwsEndpoint endpoint, Supplier<GatewayExchangeService> factory, int maxConcurrency,
            Duration acquireTimeout) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1");
        }
        this.endpoint = endpoint;
        this.factory = factory;
        this.maxConcurrency = maxConcurrency;
        this.permits = new Semaphore(maxConcurrency, true);
        this.acquireTimeout = acquireTimeout;
    }

    /**
     * The folder id of a mailbox's primary calendar, valid under impersonation and delegate access alike.
     */
    public static FolderId calendarOf(String mailbox) {
        return new FolderId(WellKnownFolderName.Calendar, new Mailbox(mailbox));
    }

    /**
     * Runs {@code call} with a service aimed at {@code mailbox} (impersonated when the endpoint says so).
     *
     * @param mailbox SMTP address of the mailbox the call reads, or null for calls about no particular mailbox
     * @throws UpstreamException with the translated failure; {@link Kind#BUSY} when no slot frees up in time
     * @throws IllegalStateException when the pool is closed
     */
    public <T> T withService(String mailbox, EwsCall<T> call) {
        ensureOpen();
        acquirePermit();
        try {
            GatewayExchangeService kept = idle.pollFirst();
            if (kept != null) {
                try {
                    return attempt(kept, mailbox, call);
                } catch (UpstreamException e) {
                    if (!STALE_CONNECTION.equals(e.failure().code())) {
                        throw e;
                    }
                    // The server closed the kept-alive connection while it sat idle (IIS after two minutes, load
                    // balancers sooner), and the library reuses connections unchecked: the request went unanswered.
                    // Every request the gateway sends is a read, so it is sent once more on a new connection.
                }
            }
            return attempt(null, mailbox, call);
        } finally {
            permits.release();
        }
    }

    /** One call on {@code kept}, or on a new instance when null; the instance goes back unless it failed. */
    private <T> T attempt(GatewayExchangeService kept, String mailbox, EwsCall<T> call) {
        GatewayExchangeService service = kept;
        boolean healthy = false;
        try {
            ensureOpen();
            if (service == null) {
                service = factory.get();
            }
            service.target(mailbox, endpoint.impersonation());
            if (endpoint.auth() == EwsAuth.BEARER) {
                service.bearerToken(endpoint.bearerToken().get());
            }
            T result = call.call(service);
            healthy = true;
            return result;
        } catch (UpstreamException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EwsErrors.toException(e);
        } catch (RuntimeException e) {
            // ews-java-api fails with unchecked exceptions too (a NullPointerException on SOAP faults it does not
            // know, IllegalStateException on broken answers): whatever it throws is an answer it could not use.
            // Only a failure nothing in the cause chain explains is a bug of ours and stays as it is.
            UpstreamFailure failure = EwsErrors.translate(e);
            if ("UNEXPECTED".equals(failure.code())) {
                throw e;
            }
            healthy = keepsConnection(failure);
            throw new UpstreamException(failure, e);
        } catch (Exception e) {
            UpstreamFailure failure = EwsErrors.translate(e);
            healthy = keepsConnection(failure);
            throw new UpstreamException(failure, e);
        } finally {
            if (service != null) {
                giveBack(service, healthy);
            }
        }
    }

    public EwsEndpoint endpoint() {
        return endpoint;
    }

    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** Instances currently waiting for the next caller. */
    public int idleCount() {
        return idle.size();
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        GatewayExchangeService service;
        while ((service = idle.poll()) != null) {
            service.close();
        }
    }

    private void acquirePermit() {
        try {
            if (!permits.tryAcquire(acquireTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new UpstreamException(new UpstreamFailure(Kind.BUSY, "GATEWAY_CONCURRENCY_LIMIT",
                        "All " + maxConcurrency + " EWS connections of this profile stayed busy for "
                                + acquireTimeout.toMillis() + " ms",
                        null), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(new UpstreamFailure(Kind.BUSY, "INTERRUPTED",
                    "Interrupted while waiting for an EWS connection", null), e);
        }
    }

    private void giveBack(GatewayExchangeService service, boolean healthy) {
        if (!healthy || closed) {
            service.close();
            return;
        }
        idle.addFirst(service);
        if (closed && idle.remove(service)) {
            // close() ran between the check and the add
            service.close();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The EWS connection pool for " + endpoint.serviceUrl() + " is closed");
        }
    }

    /** Connection-level failures leave an instance in an unknown state; Exchange's own answers do not. */
    private static boolean keepsConnection(UpstreamFailure failure) {
        return failure.kind() == Kind.EXCHANGE_ERROR || failure.kind() == Kind.THROTTLED;
    }
}
