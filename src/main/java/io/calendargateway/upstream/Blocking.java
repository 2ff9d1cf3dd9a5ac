package io.calendargateway.upstream;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Upstream calls block (EWS is SOAP over a blocking client): they run on the Quarkus worker pool, and their
 * result comes back on the caller's Vert.x context, where Hibernate Reactive may be used again.
 */
public final class Blocking {

    private Blocking() {
    }

    /** Runs {@code work} on a worker thread; the item or failure arrives on the calling context. */
    public static <T> Uni<T> onWorker(Supplier<T> work) {
        Executor back = backToCaller();
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).emitOn(back);
    }

    /** A stage completed anywhere (a cache's executor), observed on the calling context. */
    public static <T> Uni<T> await(CompletionStage<T> stage) {
        Executor back = backToCaller();
        return Uni.createFrom().completionStage(stage).emitOn(back);
    }

    /** Runs tasks on the calling Vert.x context, or in place when there is none (tests, startup). */
    public static Executor backToCaller() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
    }
}
