package io.calendargateway.sync;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReloaderTest {

    @Test
    void shouldServeABurstOfRequestsWithAtMostTwoReloads() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Reloader reloader = new Reloader("test", () -> {
            loads.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, executor);
        try {
            CompletableFuture<Void> first = reloader.request();
            Thread.sleep(100);
            CompletableFuture<?>[] burst = new CompletableFuture<?>[20];
            for (int i = 0; i < burst.length; i++) {
                burst[i] = reloader.request();
            }
            release.countDown();
            first.get(5, TimeUnit.SECONDS);
            CompletableFuture.allOf(burst).get(5, TimeUnit.SECONDS);
            assertThat(loads.get()).isEqualTo(2);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void shouldReportAFailedReloadToItsWaiters() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Reloader reloader = new Reloader("test", () -> {
                throw new IllegalStateException("database down");
            }, executor);
            assertThatThrownBy(() -> reloader.request().get(5, TimeUnit.SECONDS))
                    .hasRootCauseMessage("database down");
        } finally {
            executor.shutdownNow();
        }
    }
}
