package io.calendargateway.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Run-time fault injection. Operation names are EWS operations ({@code FindItem}, {@code GetFolder}, ...),
 * {@code Autodiscover} (POX), {@code GetUserSettings} (SOAP autodiscover), {@code AutodiscoverV2},
 * {@code Token}, and Graph's {@code calendarView}, {@code events}, {@code calendars}, {@code mailboxSettings},
 * {@code users}, {@code places};
 * {@code "*"} means every operation. {@link #reset()} removes every fault.
 */
public final class Faults {

    /** Throttling injected for an account (DOMAIN\\user, UPN or app id): remaining count, -1 = until reset. */
    record Throttle(boolean withBackOff, AtomicInteger remaining) {
    }

    private final Map<String, Duration> latency = new ConcurrentHashMap<>();
    private final Map<String, Boolean> garbage = new ConcurrentHashMap<>();
    private final Map<String, Boolean> truncated = new ConcurrentHashMap<>();
    private final Map<String, Throttle> throttles = new ConcurrentHashMap<>();
    private final Map<String, Integer> graphThrottles = new ConcurrentHashMap<>();
    private final Map<String, String> graphNextLinkHosts = new ConcurrentHashMap<>();
    private final Consumer<Outage> outageListener;
    private volatile Outage outage;

    Faults(Consumer<Outage> outageListener) {
        this.outageListener = outageListener;
    }

    /** Delays every response of {@code operation} (or {@code "*"}) by {@code delay}. */
    public Faults latency(String operation, Duration delay) {
        latency.put(key(operation), delay);
        return this;
    }

    /** Takes the server down until {@link #endOutage()} or {@link #reset()}. */
    public Faults outage(Outage kind) {
        Outage previous = this.outage;
        this.outage = kind;
        if (previous != kind) {
            outageListener.accept(kind);
        }
        return this;
    }

    public Faults endOutage() {
        if (outage != null) {
            outage = null;
            outageListener.accept(null);
        }
        return this;
    }

    /** Answers {@code operation} with HTTP 200 and a body that is not XML (or JSON) at all. */
    public Faults garbage(String operation) {
        garbage.put(key(operation), true);
        return this;
    }

    /** Answers {@code operation} with its real body cut off in the middle. */
    public Faults truncated(String operation) {
        truncated.put(key(operation), true);
        return this;
    }

    /**
     * Every EWS request of {@code account} gets the ErrorServerBusy fault: with {@code BackOffMilliseconds}
     * (as Exchange Server sends), or without it (Exchange Online's MaxConcurrency variant).
     */
    public Faults throttle(String account, boolean withBackOff) {
        throttles.put(key(account), new Throttle(withBackOff, new AtomicInteger(-1)));
        return this;
    }

    /** Like {@link #throttle(String, boolean)} for the next {@code times} requests only. */
    public Faults throttle(String account, boolean withBackOff, int times) {
        throttles.put(key(account), new Throttle(withBackOff, new AtomicInteger(times)));
        return this;
    }

    /** Graph requests for {@code mailbox} get HTTP 429 with {@code Retry-After: retryAfterSeconds}. */
    public Faults graphThrottle(String mailbox, int retryAfterSeconds) {
        graphThrottles.put(key(mailbox), retryAfterSeconds);
        return this;
    }

    /**
     * The {@code @odata.nextLink} of {@code mailbox}'s calendarView pages points at {@code foreignBase} (scheme and
     * host, e.g. {@code https://graph.evil.example}) instead of this simulator, until {@link #reset()}: a client
     * must not send its token to a host it did not choose.
     */
    public Faults graphForeignNextLink(String mailbox, String foreignBase) {
        graphNextLinkHosts.put(key(mailbox), foreignBase.replaceAll("/+$", ""));
        return this;
    }

    public Faults reset() {
        latency.clear();
        garbage.clear();
        truncated.clear();
        throttles.clear();
        graphThrottles.clear();
        graphNextLinkHosts.clear();
        endOutage();
        return this;
    }

    public Outage outage() {
        return outage;
    }

    Duration latencyFor(String operation) {
        Duration d = operation == null ? null : latency.get(key(operation));
        return d != null ? d : latency.get("*");
    }

    /** Sleeps the latency injected for the operation, if any. */
    void sleep(String operation) {
        Duration delay = latencyFor(operation);
        if (delay != null && !delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean garbageFor(String operation) {
        return operation != null && (garbage.containsKey(key(operation)) || garbage.containsKey("*"));
    }

    boolean truncatedFor(String operation) {
        return operation != null && (truncated.containsKey(key(operation)) || truncated.containsKey("*"));
    }

    /** Whether this request of {@code account} is throttled; consumes one count. Null when not throttled. */
    Throttle throttleFor(String... accountNames) {
        for (String name : accountNames) {
            if (name == null) {
                continue;
            }
            Throttle t = throttles.get(key(name));
            if (t != null) {
                int left = t.remaining().get();
                if (left == -1) {
                    return t;
                }
                if (left > 0 && t.remaining().decrementAndGet() >= 0) {
                    return t;
                }
            }
        }
        return null;
    }

    Integer graphThrottleFor(String mailbox) {
        return mailbox == null ? null : graphThrottles.get(key(mailbox));
    }

    /** The base the nextLinks of {@code mailbox} point at instead of ours, or null. */
    String graphNextLinkBase(String mailbox) {
        return mailbox == null ? null : graphNextLinkHosts.get(key(mailbox));
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
