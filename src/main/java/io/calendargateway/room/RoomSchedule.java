package io.calendargateway.room;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.calendargateway.config.CacheConfig;
import io.calendargateway.config.EventsConfig;
import io.calendargateway.error.ProblemException;
import io.calendargateway.upstream.Appointment;
import io.calendargateway.upstream.Backends;
import io.calendargateway.upstream.TransportErrors;
import io.calendargateway.upstream.UpstreamException;
import io.calendargateway.upstream.UpstreamFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Every room's schedule, cached per room, window and binding/profile version: stale-while-revalidate with one
 * upstream fetch per refresh however many door signs poll (Caffeine's refresh is single-flight per key). Events
 * are masked before they are cached, and the answer body and ETag are written once per refresh. A failed
 * refresh keeps the last events, marked stale, and is not retried before the next refresh interval.
 */
@ApplicationScoped
public class RoomSchedule {

    private static final Logger LOG = Logger.getLogger(RoomSchedule.class);
    static final String ORGANIZER_AS_SUBJECT = "ADD_ORGANIZER_TO_SUBJECT";

    /** The cache key; the room rides along for the loader but only its version counts. */
    static final class Key {
        final ServedRoom room;
        final Window window;
        private final String mail;
        private final String version;
        private final Instant from;
        private final Instant to;

        Key(ServedRoom room, Window window) {
            this.room = room;
            this.window = window;
            this.mail = room.mail();
            this.version = room.version();
            this.from = window.from().toInstant();
            this.to = window.to().toInstant();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && mail.equals(k.mail) && version.equals(k.version) && from.equals(k.from)
                    && to.equals(k.to);
        }

        @Override
        public int hashCode() {
            return Objects.hash(mail, version, from, to);
        }
    }

    /** How the latest fetch of a room went, for {@code GET /rooms/{mail}}. */
    public record Sync(Instant lastSuccessAt, Instant lastFailureAt, UpstreamFailure lastFailure,
                       List<String> warnings) {
    }

    private final Backends backends;
    private final ConfirmedRooms confirmed;
    private final EventsConfig events;
    private final ObjectMapper json;
    private final Clock clock;
    private final AsyncLoadingCache<Key, Schedule> cache;
    private final Map<String, Sync> sync = new ConcurrentHashMap<>();
    private Counter refreshes;
    private Counter failedRefreshes;

    public RoomSchedule(Backends backends, ConfirmedRooms confirmed, EventsConfig events, CacheConfig config,
                        ObjectMapper json, Clock clock, MeterRegistry meters) {
        this.backends = backends;
        this.confirmed = confirmed;
        this.events = events;
        this.json = json;
        this.clock = clock;
        Executor workers = Infrastructure.getDefaultWorkerPool();
        this.cache = Caffeine.newBuilder()
                .executor(workers)
                // the cache ages by the gateway's clock, so a test that stops the clock stops refreshes too
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .refreshAfterWrite(config.refresh())
                .expireAfterAccess(config.idleExpiry())
                .maximumSize(config.maximumSize())
                .recordStats()
                .buildAsync(new CacheLoader<Key, Schedule>() {
                    @Override
                    public Schedule load(Key key) {
                        return fetch(key, null);
                    }

                    @Override
                    public Schedule reload(Key key, Schedule old) {
                        Schedule fresh = fetch(key, old);
                        (fresh.failure() != null ? failedRefreshes : refreshes).increment();
                        return fresh;
                    }
                });
        monitor(meters);
    }

    /** Cache hits, misses, loads and evictions as {@code cache.*{cache="room_schedule"}}. */
    private void monitor(MeterRegistry meters) {
        CaffeineCacheMetrics.monitor(meters, cache, "room_schedule");
        this.refreshes = Counter.builder("gateway.cache.refreshes").tag("outcome", "ok").register(meters);
        this.failedRefreshes = Counter.builder("gateway.cache.refreshes").tag("outcome", "failed").register(meters);
    }

    /** The room's schedule for the window, from cache when it has one (possibly stale), else fetched now. */
    public CompletableFuture<Schedule> get(ServedRoom room, Window window) {
        return cache.get(new Key(room, window));
    }

    /** How the latest fetch of the room went, or null when it was never fetched. */
    public Sync sync(String mail) {
        return sync.get(mail);
    }

    /** Blocking: reads the window from Exchange; on failure with an old value, the old value marked stale. */
    private Schedule fetch(Key key, Schedule old) {
        ServedRoom room = key.room;
        final String mail = room.mail();
        Instant started = clock.instant();
        try {
            List<Appointment> raw = backends.of(room.profile()).appointments(room.profile(), room.mail(),
                    room.folderId(), key.from, key.to);
            // all-day events move to local midnight: keep those that still overlap the window after that
            List<Event> masked = Normalizer.normalize(raw, room.zone(), room.privacy(), events.privateSubject())
                    .stream().filter(e -> Normalizer.overlaps(e, key.from, key.to)).toList();
            room = named(room);
            List<String> warnings = Normalizer.organizerSubjects(raw).suspected()
                    ? List.of(ORGANIZER_AS_SUBJECT) : List.of();
            Schedule fresh = schedule(room, key.window, masked, warnings, started, null, null);
            sync.compute(mail, (m, previous) -> new Sync(started,
                    previous == null ? null : previous.lastFailureAt(),
                    previous == null ? null : previous.lastFailure(), warnings));
            return fresh;
        } catch (RuntimeException e) {
            UpstreamFailure failure = e instanceof UpstreamException upstream ? upstream.failure()
                    : TransportErrors.translate(e);
            sync.compute(mail, (m, previous) -> new Sync(previous == null ? null : previous.lastSuccessAt(),
                    started, failure, previous == null ? List.of() : previous.warnings()));
            if (old == null || old.events() == null) {
                // nothing to serve: polls get the problem, and Exchange is not asked again before the next refresh.
                // A problem of ours (501) stays; anything else is the upstream failure it was translated to.
                RuntimeException problem = e instanceof UpstreamException || e instanceof ProblemException ? e
                        : new UpstreamException(failure, e);
                return Schedule.failed(room, key.window, failure, started, problem);
            }
            LOG.debugf("Refresh of %s failed (%s); serving the events of %s", mail, failure.code(),
                    old.fetchedAt());
            return schedule(old.room(), old.window(), old.events(), old.warnings(), old.fetchedAt(), failure, started);
        }
    }

    private Schedule schedule(ServedRoom room, Window window, List<Event> masked, List<String> warnings,
                              Instant fetchedAt, UpstreamFailure failure, Instant failedAt) {
        List<Event> shown = masked.stream().filter(e -> !e.cancelled()).toList();
        return new Schedule(room, window, masked, warnings, fetchedAt, failure, failedAt,
                body(room, window, shown, fetchedAt, failure != null), etag(room, window, shown), null);
    }

    /**
     * A bound room without a display name is called as its room list calls it: read here, on the worker that
     * fetches its schedule, so the name stays right whatever else is cached. The address when none is known.
     */
    private ServedRoom named(ServedRoom room) {
        if (room.binding() == null || room.binding().displayName != null) {
            return room;
        }
        String name;
        try {
            name = confirmed.of(room.profile()).join().getOrDefault(room.mail(), room.mail());
        } catch (RuntimeException e) {
            name = room.name();
        }
        return new ServedRoom(room.mail(), name, room.zone(), room.privacy(), room.folderId(), room.profile(),
                room.binding());
    }

    /** Forgets a room's schedules and sync state (its binding changed or is gone, on this replica). */
    public void forget(String mail) {
        cache.asMap().keySet().removeIf(key -> key.mail.equals(mail));
        sync.remove(mail);
    }

    /** The answer body for these events, written once. */
    byte[] body(ServedRoom room, Window window, List<Event> shown, Instant fetchedAt, boolean stale) {
        try {
            return json.writeValueAsBytes(new RoomEvents(new RoomEvents.Room(room.mail(), room.name(),
                    room.zone().getId()), window.from().toOffsetDateTime(), window.to().toOffsetDateTime(), fetchedAt,
                    stale, shown));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("events cannot be written as JSON", e);
        }
    }

    /** A weak ETag over room, window and the shown (masked) events: unchanged schedules keep it. */
    String etag(ServedRoom room, Window window, List<Event> shown) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((room.mail() + "|" + room.name() + "|" + room.zone().getId() + "|" + window.from() + "|"
                    + window.to() + "|").getBytes(StandardCharsets.UTF_8));
            sha.update(json.writeValueAsBytes(shown));
            return "W/\"" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot compute an ETag", e);
        }
    }
}
