package io.calendargateway.room;

import io.calendargateway.config.RoomsConfig;
import io.calendargateway.error.ProblemException;
import io.calendargateway.profile.Profile;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Which mailboxes door signs may read (PRODUCT.md §4): a bound mailbox, or a confirmed room (in a room list of the
 * profile claiming its domain). Anything else is a 404, so door signs cannot become a way to read employees'
 * calendars.
 */
@ApplicationScoped
public class RoomLookup {

    /** A mail address as rooms have them; stricter checks are Exchange's business. */
    static final Pattern MAIL = Pattern.compile(
            "[A-Za-z0-9._+'-]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private final RoomRegistry registry;
    private final ConfirmedRooms confirmed;
    private final ZoneId defaultZone;

    public RoomLookup(RoomRegistry registry, ConfirmedRooms confirmed, RoomsConfig config) {
        this.registry = registry;
        this.confirmed = confirmed;
        this.defaultZone = config.defaultTimeZone();
    }

    /** The address lower-case. @throws ProblemException 400 when it is not a mail address */
    public static String normalizedMail(String mail) {
        String value = mail == null ? "" : mail.strip();
        if (!MAIL.matcher(value).matches()) {
            throw ProblemException.badRequest("'" + mail + "' is not a mail address");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /**
     * The served room, or fails: 404 when the mailbox is not served; the upstream failure when its room lists
     * cannot be read to confirm it (503 when Exchange is down). Completes at once for bound rooms.
     */
    public CompletableFuture<ServedRoom> find(String mail) {
        if (!registry.loaded()) {
            return CompletableFuture.failedFuture(ProblemException.databaseUnavailable(
                    "The gateway has not read its room bindings yet: its database did not answer since it started"));
        }
        Optional<ServedRoom> bound = bound(mail);
        if (bound.isPresent()) {
            return CompletableFuture.completedFuture(bound.get());
        }
        Optional<Profile> profile = registry.profileForDomain(mail);
        if (profile.isEmpty()) {
            return CompletableFuture.failedFuture(notServed(mail));
        }
        Profile p = profile.get();
        return confirmed.of(p).thenApply(rooms -> {
            String name = rooms.get(mail);
            if (name == null) {
                throw notServed(mail);
            }
            return new ServedRoom(mail, name, zoneOf(null, p), Privacy.MASK_PRIVATE, null, p, null);
        });
    }

    /** The bound room, without asking Exchange. */
    public Optional<ServedRoom> bound(String mail) {
        return registry.binding(mail).flatMap(binding -> registry.profile(binding.profileId).map(p -> {
            String name = binding.displayName != null ? binding.displayName
                    : Optional.ofNullable(confirmed.knownName(p, mail)).orElse(mail);
            return new ServedRoom(mail, name, zoneOf(binding, p), binding.privacy, binding.folderId, p, binding);
        }));
    }

    /** The room's zone: binding, else profile, else the gateway's default. */
    ZoneId zoneOf(RoomBinding binding, Profile profile) {
        if (binding != null && binding.timeZone != null) {
            return ZoneId.of(binding.timeZone);
        }
        return profile.timeZone != null ? ZoneId.of(profile.timeZone) : defaultZone;
    }

    static ProblemException notServed(String mail) {
        return ProblemException.notFound("No room " + mail + " is served: bind it (PUT /rooms/" + mail
                + "), or add it to a room list of the profile that serves its domain");
    }
}
