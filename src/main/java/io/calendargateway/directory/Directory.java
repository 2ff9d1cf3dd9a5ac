package io.calendargateway.directory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.calendargateway.config.DirectoryConfig;
import io.calendargateway.error.Problem.FieldError;
import io.calendargateway.error.ProblemException;
import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileService;
import io.calendargateway.room.ConfirmedRooms;
import io.calendargateway.room.RoomLookup;
import io.calendargateway.upstream.Backends;
import io.calendargateway.upstream.Blocking;
import io.calendargateway.upstream.CalendarBackend;
import io.calendargateway.upstream.FolderNode;
import io.calendargateway.upstream.Hints;
import io.calendargateway.upstream.NameSearch;
import io.calendargateway.upstream.Recipient;
import io.calendargateway.upstream.RoomDirectory;
import io.calendargateway.upstream.RoomList;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Directory browsing of a profile: mailbox search with each hit classified, room lists and their rooms, a mailbox's
 * calendar folder tree. Searches and trees are cached per profile version for {@code gateway.directory.cache-ttl};
 * room lists come from {@link ConfirmedRooms}, the read path's cache, so Exchange is asked for them once for both.
 * {@code refresh} reads from Exchange now and keeps the answer for the next callers.
 */
@ApplicationScoped
public class Directory {

    static final int DEFAULT_LIMIT = 50;
    /** What EWS ResolveNames returns at most. */
    static final int MAX_LIMIT = 100;
    static final String NO_ROOM_LISTS = "NO_ROOM_LISTS";

    private record Key(UUID profileId, int version, String value) {

        static Key of(Profile profile, String value) {
            return new Key(profile.id, profile.version, value.toLowerCase(Locale.ROOT));
        }
    }

    private final ProfileService profiles;
    private final Backends backends;
    private final ConfirmedRooms confirmed;
    private final Cache<Key, NameSearch> searches;
    private final Cache<Key, FolderNode> trees;

    public Directory(ProfileService profiles, Backends backends, ConfirmedRooms confirmed, DirectoryConfig config) {
        this.profiles = profiles;
        this.backends = backends;
        this.confirmed = confirmed;
        this.searches = cache(config);
        this.trees = cache(config);
    }

    private static <V> Cache<Key, V> cache(DirectoryConfig config) {
        return Caffeine.newBuilder().expireAfterWrite(config.cacheTtl()).maximumSize(1_000).build();
    }

    /** Mailboxes whose name or address starts with {@code search}; 400 for an empty search or a bad limit. */
    public Uni<MailboxSearch> mailboxes(String profileId, String search, String limit, boolean refresh) {
        String query = search == null ? "" : search.strip();
        int max = limit(limit);
        if (query.isEmpty()) {
            throw ProblemException.invalid(List.of(new FieldError("search", "required: the start of a name or "
                    + "address")));
        }
        return profile(profileId).flatMap(profile -> {
            CalendarBackend backend = backend(profile);
            Uni<RoomDirectory> lists = roomDirectory(profile, refresh);
            Uni<NameSearch> found = cached(searches, Key.of(profile, query), refresh,
                    () -> backend.searchDirectory(profile, query));
            return lists.flatMap(known -> found.map(result -> answer(known, result, max)));
        });
    }

    /** The profile's room lists. */
    public Uni<List<Address>> roomLists(String profileId, boolean refresh) {
        return profile(profileId).flatMap(profile -> {
            backend(profile);
            return roomDirectory(profile, refresh);
        }).map(known -> known.lists().stream().map(list -> new Address(list.mail(), list.name())).toList());
    }

    /** The rooms of one of the profile's room lists; 404 for a list the organisation does not have. */
    public Uni<List<Address>> rooms(String profileId, String rawListMail, boolean refresh) {
        String listMail = RoomLookup.normalizedMail(rawListMail);
        return profile(profileId).flatMap(profile -> {
            backend(profile);
            return roomDirectory(profile, refresh).map(known -> known.lists().stream().filter(l -> l.mail().equals(listMail))
                    .findFirst()
                    .orElseThrow(() -> ProblemException.notFound("Profile '" + profile.name + "' has no room list "
                            + listMail))
                    .rooms().stream().map(room -> new Address(room.mail(), room.name())).toList());
        });
    }

    /** The calendar folder tree of a mailbox, read with the profile's impersonation or delegate access. */
    public Uni<FolderNode> calendars(String profileId, String rawMailbox, boolean refresh) {
        String mailbox = RoomLookup.normalizedMail(rawMailbox);
        return profile(profileId).flatMap(profile -> {
            CalendarBackend backend = backend(profile);
            return cached(trees, Key.of(profile, mailbox), refresh, () -> backend.calendarFolders(profile, mailbox));
        });
    }

    static MailboxSearch answer(RoomDirectory known, NameSearch result, int limit) {
        Set<String> rooms = known.rooms().stream().map(RoomList.Room::mail).collect(Collectors.toSet());
        List<MailboxView> items = result.found().stream().limit(limit)
                .map(r -> new MailboxView(r.mail(), r.name(), type(r, rooms))).toList();
        List<MailboxSearch.Warning> warnings = known.rooms().isEmpty()
                ? List.of(new MailboxSearch.Warning(NO_ROOM_LISTS, "The organisation has no room list: no mailbox "
                        + "can be told to be a room, so every one shows as USER and door signs serve bound rooms only",
                        Hints.forCode(NO_ROOM_LISTS)))
                : List.of();
        return new MailboxSearch(items, !result.complete() || result.found().size() > limit, warnings);
    }

    static MailboxType type(Recipient recipient, Set<String> rooms) {
        return switch (recipient.type()) {
            case MAILBOX -> rooms.contains(recipient.mail()) ? MailboxType.ROOM : MailboxType.USER;
            case ROOM -> MailboxType.ROOM;
            case EQUIPMENT -> MailboxType.EQUIPMENT;
            case GROUP, CONTACT, OTHER -> MailboxType.OTHER;
        };
    }

    private Uni<Profile> profile(String id) {
        return profiles.get(id);
    }

    /** @throws ProblemException 501 for kinds of profiles no backend serves yet */
    private CalendarBackend backend(Profile profile) {
        return backends.of(profile, "The directory of " + profile.kind + " profiles is not served yet");
    }

    private Uni<RoomDirectory> roomDirectory(Profile profile, boolean refresh) {
        return refresh ? Blocking.onWorker(() -> confirmed.directory(profile, true).join())
                : Blocking.await(confirmed.directory(profile, false));
    }

    /**
     * The cached answer, else (or with {@code refresh}) the backend's on a worker thread, kept when it succeeds.
     * Two admins asking at once may both ask Exchange: browsing is rare, and failures stay out of the cache.
     */
    private static <V> Uni<V> cached(Cache<Key, V> cache, Key key, boolean refresh, Supplier<V> read) {
        V known = refresh ? null : cache.getIfPresent(key);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return Blocking.onWorker(read).invoke(value -> cache.put(key, value));
    }

    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(List.of(new FieldError("limit", "a whole number from 1 to " + MAX_LIMIT
                + " (Exchange returns at most " + MAX_LIMIT + " matches)")));
    }
}
