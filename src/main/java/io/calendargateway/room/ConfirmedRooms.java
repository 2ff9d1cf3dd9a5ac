package io.calendargateway.room;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.calendargateway.config.RoomsConfig;
import io.calendargateway.profile.Profile;
import io.calendargateway.upstream.Backends;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The rooms of each profile's room lists (mail to display name), read from Exchange at most once per
 * {@code gateway.rooms.room-list-ttl} and profile version, whatever number of requests ask: they decide which
 * unbound mailboxes door signs may read.
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

    private final Backends backends;
    private final AsyncLoadingCache<Key, Map<String, String>> rooms;

    public ConfirmedRooms(Backends backends, RoomsConfig config) {
        this.backends = backends;
        this.rooms = Caffeine.newBuilder()
                .executor(Infrastructure.getDefaultWorkerPool())
                .refreshAfterWrite(config.roomListTtl())
                .expireAfterAccess(config.roomListTtl().multipliedBy(6))
                .maximumSize(1_000)
                .buildAsync(new CacheLoader<Key, Map<String, String>>() {
                    @Override
                    public Map<String, String> load(Key key) {
                        return ConfirmedRooms.this.load(key);
                    }

                    /** A failed refresh keeps the rooms known before, and is retried after a full TTL. */
                    @Override
                    public Map<String, String> reload(Key key, Map<String, String> old) {
                        try {
                            return ConfirmedRooms.this.load(key);
                        } catch (RuntimeException e) {
                            LOG.debugf("Room lists of profile %s could not be read again (%s); keeping %d rooms",
                                    key.profileId, e.getMessage(), old.size());
                            return old;
                        }
                    }
                });
    }

    /** The profile's confirmed rooms; fails with the upstream failure when they cannot be read and none are known. */
    public CompletableFuture<Map<String, String>> of(Profile profile) {
        return rooms.get(new Key(profile));
    }

    /** The display name of a confirmed room as already known, without asking Exchange; null when unknown. */
    public String knownName(Profile profile, String mail) {
        CompletableFuture<Map<String, String>> known = rooms.getIfPresent(new Key(profile));
        return known != null && known.isDone() && !known.isCompletedExceptionally() ? known.join().get(mail) : null;
    }

    private Map<String, String> load(Key key) {
        return backends.of(key.profile).rooms(key.profile);
    }
}
