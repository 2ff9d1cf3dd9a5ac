package io.calendargateway.room;

import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileRepository;
import io.calendargateway.sync.DataChanged;
import io.calendargateway.sync.Reloader;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Bindings and profiles as this replica serves them, in memory: a door-sign poll never touches the database.
 * Loaded at start, reloaded on {@link DataChanged} (database notifications, a periodic safety net) and after this
 * replica's own writes. A failed reload keeps the previous copy.
 */
@ApplicationScoped
public class RoomRegistry {

    private static final Logger LOG = Logger.getLogger(RoomRegistry.class);

    /** One consistent copy of what is stored. */
    record Snapshot(Map<UUID, Profile> profiles, Map<String, RoomBinding> bindings, Map<String, Profile> byDomain) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), Map.of());
    }

    private final ProfileRepository profiles;
    private final RoomBindingRepository bindings;
    private final Reloader reloader;
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile boolean loaded;

    public RoomRegistry(ProfileRepository profiles, RoomBindingRepository bindings) {
        this.profiles = profiles;
        this.bindings = bindings;
        this.reloader = new Reloader("room bindings and profiles", this::load, Infrastructure.getDefaultWorkerPool());
    }

    void onStart(@Observes StartupEvent event) {
        try {
            load();
        } catch (RuntimeException e) {
            // the periodic reload retries; until then no room is served, but the service stays up
            LOG.warnf("Room bindings could not be loaded at start: %s", e.getMessage());
        }
    }

    void onChange(@Observes DataChanged changed) {
        if (changed.concerns("room_binding") || changed.concerns("profile")) {
            reloader.request();
        }
    }

    /** Reloads now; completes when a reload that started after this call is done (read-your-writes). */
    public CompletableFuture<Void> reload() {
        return reloader.request();
    }

    /** False until the first load succeeded (the database was down at start): nothing is known yet. */
    public boolean loaded() {
        return loaded;
    }

    public Optional<RoomBinding> binding(String mail) {
        return Optional.ofNullable(snapshot.bindings().get(mail));
    }

    public List<RoomBinding> bindings() {
        return snapshot.bindings().values().stream().sorted(Comparator.comparing(b -> b.mail)).toList();
    }

    public Optional<Profile> profile(UUID id) {
        return Optional.ofNullable(snapshot.profiles().get(id));
    }

    /** The profile that serves unbound rooms of the mail domain: the oldest of those that claim it. */
    public Optional<Profile> profileForDomain(String mail) {
        int at = mail.lastIndexOf('@');
        return at < 0 ? Optional.empty()
                : Optional.ofNullable(snapshot.byDomain().get(mail.substring(at + 1).toLowerCase(Locale.ROOT)));
    }

    /** The profiles that claim one of {@code profile}'s domains too, besides it. */
    public List<Profile> overlapping(Profile profile) {
        return snapshot.profiles().values().stream()
                .filter(other -> !other.id.equals(profile.id))
                .filter(other -> other.domains.stream().anyMatch(profile.domains::contains))
                .sorted(Comparator.comparing((Profile p) -> p.createdAt).thenComparing(p -> p.id))
                .toList();
    }

    /** Blocking: reads everything and swaps it in. Never on the event loop. */
    private void load() {
        Snapshot loaded;
        try {
            loaded = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> profiles.listAll()
                    .flatMap(allProfiles -> bindings.listAll().map(allBindings -> snapshot(allProfiles, allBindings)))));
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read bindings and profiles: " + e.getMessage(), e);
        }
        snapshot = loaded;
        this.loaded = true;
        LOG.debugf("Loaded %d profiles and %d room bindings", loaded.profiles().size(), loaded.bindings().size());
    }

    private static Snapshot snapshot(List<Profile> allProfiles, List<RoomBinding> allBindings) {
        Map<UUID, Profile> byId = new HashMap<>();
        Map<String, Profile> byDomain = new HashMap<>();
        allProfiles.stream().sorted(Comparator.comparing((Profile p) -> p.createdAt).thenComparing(p -> p.id))
                .forEach(p -> {
                    byId.put(p.id, p);
                    p.domains.forEach(domain -> byDomain.putIfAbsent(domain, p));
                });
        Map<String, RoomBinding> bindingsByMail = new HashMap<>();
        allBindings.forEach(b -> bindingsByMail.put(b.mail, b));
        return new Snapshot(Map.copyOf(byId), Map.copyOf(bindingsByMail), Map.copyOf(byDomain));
    }
}
