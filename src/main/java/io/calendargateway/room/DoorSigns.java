package io.calendargateway.room;

import io.calendargateway.config.CacheConfig;
import io.calendargateway.config.EventsConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The read path of door signs: which room, which window, from the cache. Never touches the database; completes
 * at once when the room's schedule is cached.
 */
@ApplicationScoped
public class DoorSigns {

    /** An events answer: the body as written once per refresh (or for this request, with cancelled events). */
    public record EventsAnswer(byte[] body, String etag, Instant fetchedAt, boolean stale) {
    }

    private final RoomLookup lookup;
    private final RoomSchedule schedules;
    private final EventsConfig events;
    private final Clock clock;
    private final long maxAgeSeconds;

    private final Counter staleAnswers;

    public DoorSigns(RoomLookup lookup, RoomSchedule schedules, EventsConfig events, CacheConfig cache, Clock clock,
                     MeterRegistry meters) {
        this.staleAnswers = Counter.builder("gateway.events.stale.answers")
                .description("Door-sign answers served from a schedule whose latest refresh failed").register(meters);
        this.lookup = lookup;
        this.schedules = schedules;
        this.events = events;
        this.clock = clock;
        this.maxAgeSeconds = Math.max(1, cache.refresh().toSeconds());
    }

    /** How long door signs may keep an answer: the refresh interval. */
    public long maxAgeSeconds() {
        return maxAgeSeconds;
    }

    /** Seconds since the answer's data was fetched. */
    public long ageSeconds(Instant fetchedAt) {
        return Math.max(0, Duration.between(fetchedAt, clock.instant()).toSeconds());
    }

    public CompletableFuture<EventsAnswer> events(String mail, String from, String to, boolean includeCancelled) {
        String room = RoomLookup.normalizedMail(mail);
        return unwrapped(lookup.find(room).thenCompose(served -> {
            Window window = Window.parse(from, to, served.zone(), LocalDate.now(clock.withZone(served.zone())),
                    events.maxWindowDays());
            return schedules.get(served, window);
        }).thenApply(Schedule::orThrow).thenApply(schedule -> {
            if (schedule.stale()) {
                staleAnswers.increment();
            }
            if (!includeCancelled) {
                return new EventsAnswer(schedule.body(), schedule.etag(), schedule.fetchedAt(), schedule.stale());
            }
            List<Event> all = schedule.events();
            return new EventsAnswer(schedules.body(schedule.room(), schedule.window(), all, schedule.fetchedAt(),
                    schedule.stale()), schedules.etag(schedule.room(), schedule.window(), all), schedule.fetchedAt(),
                    schedule.stale());
        }));
    }

    public CompletableFuture<RoomStatus> status(String mail) {
        String room = RoomLookup.normalizedMail(mail);
        return unwrapped(lookup.find(room).thenCompose(served -> schedules.get(served,
                Window.statusWindow(served.zone(), LocalDate.now(clock.withZone(served.zone())))))
                .thenApply(Schedule::orThrow).thenApply(schedule -> RoomStatus.of(schedule.events(), clock.instant(),
                        schedule.window().to().toInstant(), schedule.room().zone(), schedule.fetchedAt(),
                        schedule.stale())));
    }

    /** Failures as thrown, not wrapped in {@link CompletionException}. */
    private static <T> CompletableFuture<T> unwrapped(CompletableFuture<T> stage) {
        return stage.handle((value, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(value);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            return CompletableFuture.<T>failedFuture(cause);
        }).thenCompose(f -> f);
    }
}
