package io.calendargateway.room;

import io.calendargateway.error.Problem.FieldError;
import io.calendargateway.error.ProblemException;
import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileService;
import io.calendargateway.upstream.Blocking;
import io.calendargateway.upstream.Hints;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Admin work on rooms: binding (with the checks that need Exchange), reading a room's state, unbinding. Every
 * write is reloaded into this replica's {@link RoomRegistry} before it is answered, so the next poll sees it.
 */
@ApplicationScoped
public class RoomAdmin {

    private final RoomService rooms;
    private final ProfileService profiles;
    private final RoomRegistry registry;
    private final RoomLookup lookup;
    private final ConfirmedRooms confirmed;
    private final RoomSchedule schedules;

    public RoomAdmin(RoomService rooms, ProfileService profiles, RoomRegistry registry, RoomLookup lookup,
                     ConfirmedRooms confirmed, RoomSchedule schedules) {
        this.rooms = rooms;
        this.profiles = profiles;
        this.registry = registry;
        this.lookup = lookup;
        this.confirmed = confirmed;
        this.schedules = schedules;
    }

    public Uni<RoomService.Written> bind(String rawMail, String ifMatch, RoomRequest request) {
        String mail = RoomLookup.normalizedMail(rawMail);
        UUID profileId = validate(request);
        return profiles.get(profileId.toString())
                .onFailure(ProblemException.class).transform(notFound -> ProblemException.invalid(List.of(
                        new FieldError("profileId", "no profile with id " + profileId))))
                .flatMap(profile -> Boolean.TRUE.equals(request.allowNonRoom()) ? Uni.createFrom().item(profile)
                        : confirmRoom(profile, mail))
                .flatMap(profile -> rooms.put(mail, ifMatch, profile.id, request))
                .invoke(written -> schedules.forget(mail))
                .call(written -> Uni.createFrom().completionStage(registry.reload()).emitOn(Blocking.backToCaller()));
    }

    public Uni<Void> unbind(String rawMail) {
        String mail = RoomLookup.normalizedMail(rawMail);
        return rooms.delete(mail).invoke(() -> schedules.forget(mail))
                .call(() -> Uni.createFrom().completionStage(registry.reload()).emitOn(Blocking.backToCaller()));
    }

    /** Every bound room. */
    public List<RoomView> list() {
        return registry.bindings().stream().map(binding -> lookup.bound(binding.mail).map(this::view).orElse(null))
                .filter(view -> view != null).toList();
    }

    /** A bound room, or an unbound one its domain's profile serves; 404 otherwise. */
    public Uni<RoomView> get(String rawMail) {
        String mail = RoomLookup.normalizedMail(rawMail);
        return Uni.createFrom().completionStage(() -> lookup.find(mail)).map(this::view);
    }

    /** The view of a binding just written (the registry holds it after the reload). */
    public RoomView view(RoomBinding binding) {
        return lookup.bound(binding.mail).map(this::view).orElseThrow(() ->
                new IllegalStateException("binding of " + binding.mail + " not loaded"));
    }

    RoomView view(ServedRoom room) {
        RoomBinding b = room.binding();
        RoomSchedule.Sync sync = schedules.sync(room.mail());
        RoomView.Failure failure = sync == null || sync.lastFailure() == null ? null
                : new RoomView.Failure(sync.lastFailureAt(), sync.lastFailure().code(), sync.lastFailure().message(),
                        sync.lastFailure().hint());
        boolean stale = sync != null && sync.lastFailureAt() != null
                && (sync.lastSuccessAt() == null || sync.lastFailureAt().isAfter(sync.lastSuccessAt()));
        List<RoomView.Warning> warnings = new ArrayList<>();
        if (sync != null && sync.warnings().contains(RoomSchedule.ORGANIZER_AS_SUBJECT)) {
            warnings.add(new RoomView.Warning(RoomSchedule.ORGANIZER_AS_SUBJECT, "Most meetings' subjects are their "
                    + "organizer's name: the room mailbox probably has AddOrganizerToSubject on",
                    Hints.forCode(RoomSchedule.ORGANIZER_AS_SUBJECT)));
        }
        return new RoomView(room.mail(), room.bound(), room.profile().id, room.folderId(),
                b == null ? null : b.displayName, room.name(), room.zone().getId(), room.privacy(),
                b != null && b.allowNonRoom, b == null ? null : b.version, b == null ? null : b.createdAt,
                b == null ? null : b.updatedAt, sync == null ? null : sync.lastSuccessAt(), failure, stale, warnings);
    }

    private Uni<Profile> confirmRoom(Profile profile, String mail) {
        return Blocking.await(confirmed.of(profile)).map(known -> {
            if (!known.containsKey(mail)) {
                throw ProblemException.badRequest("not-a-room", "Not a room", mail + " is in no room list of profile '"
                        + profile.name + "': door signs show rooms only. Add it to a room list, or bind it with "
                        + "allowNonRoom: true", Hints.NOT_A_ROOM);
            }
            return profile;
        });
    }

    private static UUID validate(RoomRequest request) {
        List<FieldError> errors = new ArrayList<>();
        UUID profileId = null;
        try {
            profileId = UUID.fromString(request.profileId().strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("profileId", "not a profile id"));
        }
        if (request.timeZone() != null && !request.timeZone().isBlank()) {
            try {
                ZoneId.of(request.timeZone().strip());
            } catch (DateTimeException e) {
                errors.add(new FieldError("timeZone", "not an IANA time zone (e.g. Europe/Berlin)"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return profileId;
    }
}
