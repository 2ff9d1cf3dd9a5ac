package io.calendargateway.sync;

import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs a reload on request, one at a time: requests that arrive while a reload runs are served by one more
 * reload after it, so a burst of notifications costs at most two. A failed reload keeps the data loaded before
 * (a database outage does not stop reads).
 */
public final class Reloader {

    private static final Logger LOG = Logger.getLogger(Reloader.class);

    private final String name;
    private final Runnable load;
    private final Executor executor;
    private boolean running;
    private List<CompletableFuture<Void>> waiting = new ArrayList<>();

    /**
     * @param load blocking: reads the data and swaps it in
     * @param executor where reloads run (a worker pool)
     */
    public Reloader(String name, Runnable load, Executor executor) {
        this.name = name;
        this.load = load;
        this.executor = executor;
    }

    /** Asks for a reload; completes when a reload that started after this call has finished. */
    public synchronized CompletableFuture<Void> request() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        waiting.add(done);
        if (!running) {
            running = true;
            executor.execute(this::drain);
        }
        return done;
    }

    private void drain() {
        while (true) {
            List<CompletableFuture<Void>> batch;
            synchronized (this) {
                if (waiting.isEmpty()) {
                    running = false;
                    return;
                }
                batch = waiting;
                waiting = new ArrayList<>();
            }
            Throwable failure = null;
            try {
                load.run();
            } catch (RuntimeException | Error e) {
                failure = e;
                LOG.warnf("Reloading %s failed, the previous copy stays in use: %s", name, e.getMessage());
            }
            for (CompletableFuture<Void> done : batch) {
                if (failure == null) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(failure);
                }
            }
        }
    }
}
