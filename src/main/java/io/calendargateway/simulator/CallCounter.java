package io.calendargateway.simulator;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the requests that reached an operation (after authentication), per operation and mailbox, so tests
 * can assert how many upstream calls the gateway made. Mailbox is the one the call was about: the impersonated
 * or delegated mailbox, else the caller's own; for token requests the client id or user name.
 */
public final class CallCounter {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    void record(String operation, String mailbox) {
        counts.computeIfAbsent(operation + "|", k -> new AtomicInteger()).incrementAndGet();
        if (mailbox != null) {
            counts.computeIfAbsent(operation + "|" + mailbox.toLowerCase(Locale.ROOT), k -> new AtomicInteger())
                    .incrementAndGet();
        }
    }

    /** Calls of {@code operation} for any mailbox. */
    public int count(String operation) {
        AtomicInteger c = counts.get(operation + "|");
        return c == null ? 0 : c.get();
    }

    public int count(String operation, String mailbox) {
        AtomicInteger c = counts.get(operation + "|" + mailbox.toLowerCase(Locale.ROOT));
        return c == null ? 0 : c.get();
    }

    /** All counters as "operation" and "operation|mailbox" keys. */
    public Map<String, Integer> snapshot() {
        Map<String, Integer> m = new TreeMap<>();
        counts.forEach((k, v) -> m.put(k.endsWith("|") ? k.substring(0, k.length() - 1) : k, v.get()));
        return m;
    }

    public void reset() {
        counts.clear();
    }
}
