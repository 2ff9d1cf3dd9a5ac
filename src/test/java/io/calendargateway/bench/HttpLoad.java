package io.calendargateway.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The load generator: a Vert.x HTTP client on its own event loop thread (kept apart from the gateway's, so its
 * CPU time can be told from the server's) with keep-alive connections to the gateway. {@link #closedLoop} keeps
 * {@code connections} requests in flight at all times, each connection sending its next request as soon as the
 * previous answer's body is in, and records every request's latency from send to last byte.
 */
final class HttpLoad implements AutoCloseable {

    static final String API_KEY = "X-Api-Key";
    /** Latencies kept per run at most (a run at 64 connections on 2 cores stays far below). */
    private static final int MAX_RECORDED = 4_000_000;

    /** One answer: status, body length, and how long it took. */
    record Answer(int status, int bodyLength, long nanos) {
    }

    /**
     * A finished run.
     *
     * @param latencies every successful request's latency in nanoseconds, sorted
     * @param serverCpuNanos CPU time of the whole process minus the load generator's thread during the run
     */
    record Result(long requests, long errors, long elapsedNanos, long[] latencies, long serverCpuNanos,
                  long clientCpuNanos) {

        double perSecond() {
            return requests / (elapsedNanos / 1e9);
        }

        /** The latency at quantile {@code q} (0.5, 0.99) in milliseconds: the smallest value >= q of all. */
        double millisAt(double q) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(q * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1e6;
        }

        /** Server CPU per request in microseconds. */
        double serverCpuMicrosPerRequest() {
            return requests == 0 ? Double.NaN : serverCpuNanos / 1e3 / requests;
        }

        Result plus(Result other) {
            long[] all = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
            System.arraycopy(other.latencies, 0, all, latencies.length, other.latencies.length);
            Arrays.sort(all);
            return new Result(requests + other.requests, errors + other.errors, elapsedNanos + other.elapsedNanos,
                    all, serverCpuNanos + other.serverCpuNanos, clientCpuNanos + other.clientCpuNanos);
        }
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final Context context;
    private final long clientThreadId;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    HttpLoad(int port, int connections) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        this.client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                        .setKeepAlive(true).setPipelining(false).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        this.context = vertx.getOrCreateContext();
        CompletableFuture<Long> id = new CompletableFuture<>();
        context.runOnContext(v -> id.complete(Thread.currentThread().getId()));
        this.clientThreadId = id.join();
    }

    /** One request; completes on the load generator's event loop. */
    Future<Answer> send(String path, String apiKey) {
        long started = System.nanoTime();
        return client.request(HttpMethod.GET, path)
                .compose(request -> {
                    if (apiKey != null) {
                        request.putHeader(API_KEY, apiKey);
                    }
                    return request.send();
                })
                .compose(response -> response.body()
                        .map(body -> new Answer(response.statusCode(), body.length(), System.nanoTime() - started)));
    }

    /** One request, waiting for its answer. */
    Answer get(String path, String apiKey) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        context.runOnContext(v -> send(path, apiKey).onComplete(ar -> {
            if (ar.succeeded()) {
                answer.complete(ar.result());
            } else {
                answer.completeExceptionally(ar.cause());
            }
        }));
        return answer.orTimeout(60, TimeUnit.SECONDS).join();
    }

    /** Runs {@code action} on the load generator's event loop after {@code delay}. */
    void later(Duration delay, Runnable action) {
        long millis = Math.max(1, delay.toMillis());
        context.runOnContext(v -> vertx.setTimer(millis, id -> action.run()));
    }

    /**
     * Keeps {@code connections} requests in flight until {@code duration} has passed or {@code path} answers null
     * (requests are numbered from 0), then waits for those still in flight.
     *
     * @param expectedLength the body length every answer must have, or -1 for any; other answers and statuses
     *        other than 200 count as errors
     */
    Result closedLoop(int connections, Duration duration, IntFunction<String> path, String apiKey,
                      int expectedLength) {
        long[] recorded = new long[MAX_RECORDED];
        AtomicInteger count = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(connections);
        long cpuBefore = os.getProcessCpuTime();
        long clientBefore = threads.getThreadCpuTime(clientThreadId);
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        for (int c = 0; c < connections; c++) {
            context.runOnContext(v -> loop(path, apiKey, expectedLength, deadline, next, recorded, count, errors,
                    finished));
        }
        try {
            if (!finished.await(duration.toSeconds() + 120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the load did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long elapsed = System.nanoTime() - started;
        long client = threads.getThreadCpuTime(clientThreadId) - clientBefore;
        long process = os.getProcessCpuTime() - cpuBefore;
        long[] latencies = Arrays.copyOf(recorded, Math.min(count.get(), MAX_RECORDED));
        Arrays.sort(latencies);
        return new Result(count.get(), errors.get(), elapsed, latencies, process - client, client);
    }

    private void loop(IntFunction<String> path, String apiKey, int expectedLength, long deadline, AtomicInteger next,
                      long[] recorded, AtomicInteger count, AtomicLong errors, CountDownLatch finished) {
        String target = System.nanoTime() < deadline ? path.apply(next.getAndIncrement()) : null;
        if (target == null) {
            finished.countDown();
            return;
        }
        send(target, apiKey).onComplete(ar -> {
            if (ar.succeeded() && ar.result().status() == 200
                    && (expectedLength < 0 || ar.result().bodyLength() == expectedLength)) {
                int at = count.getAndIncrement();
                if (at < recorded.length) {
                    recorded[at] = ar.result().nanos();
                }
            } else {
                errors.incrementAndGet();
            }
            loop(path, apiKey, expectedLength, deadline, next, recorded, count, errors, finished);
        });
    }

    @Override
    public void close() {
        client.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
