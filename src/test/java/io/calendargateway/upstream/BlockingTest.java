package io.calendargateway.upstream;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Blocking work leaves the event loop, and its result comes back to the caller's context (Hibernate needs it). */
class BlockingTest {

    @Test
    void shouldRunOnAWorkerAndComeBackToTheCallersContext() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<String[]> threads = new CompletableFuture<>();
            Context context = vertx.getOrCreateContext();
            context.runOnContext(ignored -> {
                String caller = Thread.currentThread().getName();
                Blocking.onWorker(() -> Thread.currentThread().getName())
                        .subscribe().with(worker -> threads.complete(new String[] {caller, worker,
                                Thread.currentThread().getName(), String.valueOf(Vertx.currentContext() == context)}),
                                threads::completeExceptionally);
            });
            String[] seen = threads.get(5, TimeUnit.SECONDS);
            assertThat(seen[0]).startsWith("vert.x-eventloop-thread-");
            assertThat(seen[1]).doesNotStartWith("vert.x-eventloop-thread-");
            assertThat(seen[2]).isEqualTo(seen[0]);
            assertThat(seen[3]).isEqualTo("true");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }
}
