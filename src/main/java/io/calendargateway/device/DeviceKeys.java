package io.calendargateway.device;

import io.calendargateway.sync.DataChanged;
import io.calendargateway.sync.Reloader;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Device keys as this replica checks them: digests in memory (a poll never reads the database), reloaded on
 * {@link DataChanged} and after this replica's own writes. Keys are random, recognisable by their prefix, and
 * stored only as SHA-256 digests.
 */
@ApplicationScoped
public class DeviceKeys {

    /** Every key starts so, which makes a leaked key easy to find in code and logs. */
    public static final String PREFIX = "cgdk_";
    private static final Logger LOG = Logger.getLogger(DeviceKeys.class);
    private static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a key may read. */
    public record Device(UUID id, String name, RoomPatterns rooms) {
    }

    private final DeviceKeyRepository repository;
    private final Clock clock;
    private final Reloader reloader;
    private volatile Map<String, Device> bySha256 = Map.of();
    private volatile boolean loaded;
    private final Map<UUID, Instant> lastSeenWritten = new ConcurrentHashMap<>();

    public DeviceKeys(DeviceKeyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.reloader = new Reloader("device keys", this::load, Infrastructure.getDefaultWorkerPool());
    }

    void onStart(@Observes StartupEvent event) {
        try {
            load();
        } catch (RuntimeException e) {
            LOG.warnf("Device keys could not be loaded at start: %s", e.getMessage());
        }
    }

    void onChange(@Observes DataChanged changed) {
        if (changed.concerns("device_key")) {
            reloader.request();
        }
    }

    /** False until the first load succeeded (the database was down at start): no key is known yet. */
    public boolean loaded() {
        return loaded;
    }

    /** Reloads now; completes when a reload that started after this call is done. */
    public CompletableFuture<Void> reload() {
        return reloader.request();
    }

    /** The device of a presented key, or empty; notes that it was seen (stored at most once a minute). */
    public Optional<Device> find(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Device device = bySha256.get(sha256(key));
        if (device != null) {
            seen(device);
        }
        return Optional.ofNullable(device);
    }

    /** A new random key: the prefix and 32 random bytes, URL-safe. */
    static String newKey() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Stores "last seen" without making the poll wait for it; a database outage only delays it. */
    private void seen(Device device) {
        Instant now = clock.instant();
        Instant written = lastSeenWritten.get(device.id());
        if (written != null && Duration.between(written, now).compareTo(LAST_SEEN_RESOLUTION) < 0) {
            return;
        }
        lastSeenWritten.put(device.id(), now);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                        repository.update("lastSeenAt = ?1 where id = ?2", at, device.id())));
            } catch (Throwable e) {
                LOG.debugf("Could not store when device %s was last seen: %s", device.id(), e.getMessage());
            }
        });
    }

    /** Blocking: reads every key and swaps them in. */
    private void load() {
        List<DeviceKey> keys;
        try {
            keys = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(repository::listAll));
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read device keys: " + e.getMessage(), e);
        }
        bySha256 = keys.stream().collect(Collectors.toUnmodifiableMap(k -> k.keySha256,
                k -> new Device(k.id, k.name, new RoomPatterns(List.copyOf(k.rooms))), (a, b) -> a));
        loaded = true;
        LOG.debugf("Loaded %d device keys", bySha256.size());
    }

}
