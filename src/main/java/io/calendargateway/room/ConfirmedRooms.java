package io.calendargateway.room;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.calendargateway.config.RoomsConfig;
import io.calendargateway.profile.Profile;
import io.calendargateway.upstream.Backends;
import io.calendargateway.upstream.RoomDirectory;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Each profile's room lists and their rooms, read from Exchange at most once per {@code gateway.rooms.room-list-ttl}
 * and profile version, whatever number of requests ask: they decide which unbound mailboxes door signs may read,
 * and the directory shows them (and which mailboxes are rooms) from here too, so GetRoomLists is read once for both.
 */
@ApplicationScoped
public class ConfirmedRooms {

    private static final Logger LOG = Logger.getLogger(ConfirmedRooms.class);

    /** The profile rides along for the loader; only its id and version count. */
    private static final class Key {
        final Profile profile;
        final UUID profileId;
        final int version;

        Key(Profile profile) {
            this.profile = profile;
            this.profileId = profile.id;
            this.version = profile.version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && profileId.equals(k.profileId) && version == k.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(profileId, version);
        }
    }

    /** The rooms as the backend gave them, and their names by address. */
    private record Known(RoomDirectory directory, Map<String, String> rooms) {

        static Known of(RoomDirectory directory) {
            Map<String, String> rooms = new LinkedHashMap<>();
            directory.rooms().forEach(room -> rooms.putIfAbsent(room.mail(), room.name()));
            return new Known(directory, Collections.unmodifiableMap(rooms));
        }
    }

    private final Backends backends;
    private final AsyncLoadingCache<Key, Known> rooms;

    public ConfirmedRooms(Backends backends, RoomsConfig config) {
        this.backends = backends;
        this.rooms = Caffeine.newBuilder()
                .executor(Infrastructure.getDefaultWorkerPool())
                .refreshAfterWrite(config.roomListTtl())
                .expireAfterAccess(config.roomListTtl().multipliedBy(6))
                .maximumSize(1_000)
                .buildAsync(new CacheLoader<Key, Known>() {
                    @Override
                    public Known load(Key key) {
                        return read(key.profile);
                    }

                    /** A failed refresh keeps the rooms known before, and is retried after a full TTL. */
                    @Override
                    public Known reload(Key key, Known old) {
                        try {
                            return load(key);
                        } catch (RuntimeException e) {
                            LOG.debugf("Room lists of profile %s could not be read again (%s); keeping %d rooms",
                                    key.profileId, e.getMessage(), old.rooms().size());
                            return old;
                        }
                    }
                });
    }

    /** The profile's confirmed rooms; fails with the upstream failure when they cannot be read and none are known. */
    public CompletableFuture<Map<String, String>> of(Profile profile) {
        return rooms.get(key(profile)).thenApply(Known::rooms);
    }

    /**
     * The profile's room lists with their rooms and every confirmed room, from cache; {@code refresh} reads them from Exchange now (blocking:
     * call it on a worker thread) and keeps the answer for everybody, a failure failing only this call.
     */
    public CompletableFuture<RoomDirectory> directory(Profile profile, boolean refresh) {
        if (refresh) {
            Known known = read(profile);
            rooms.put(key(profile), CompletableFuture.completedFuture(known));
            return CompletableFuture.completedFuture(known.directory());
        }
        return rooms.get(key(profile)).thenApply(Known::directory);
    }

    /** The display name of a confirmed room as already known, without asking Exchange; null when unknown. */
    public String knownName(Profile profile, String mail) {
        CompletableFuture<Known> known = rooms.getIfPresent(key(profile));
        return known != null && known.isDone() && !known.isCompletedExceptionally() ? known.join().rooms().get(mail)
                : null;
    }

    private Known read(Profile profile) {
        return Known.of(backends.of(profile).rooms(profile));
    }

    private static Key key(Profile profile) {
        return new Key(profile);
    }
}
