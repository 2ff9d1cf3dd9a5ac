package io.calendargateway.room;

import io.calendargateway.error.ProblemException;
import io.calendargateway.error.WriteConflicts;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Stores room bindings; the checks that need Exchange happen before, in {@link RoomAdmin}. */
@ApplicationScoped
public class RoomService {

    /** What a write did: created (201) or replaced (200). */
    public record Written(RoomBinding binding, boolean created) {
    }

    private final RoomBindingRepository repository;

    public RoomService(RoomBindingRepository repository) {
        this.repository = repository;
    }

    /** Creates the binding (no If-Match allowed) or replaces it (If-Match with its ETag required). */
    @WithTransaction
    public Uni<Written> put(String mail, String ifMatch, UUID profileId, RoomRequest request) {
        boolean conditional = ifMatch != null && !ifMatch.isBlank();
        return repository.findById(mail).flatMap(existing -> {
            if (existing == null) {
                if (conditional) {
                    return Uni.createFrom().failure(ProblemException.preconditionFailed(
                            "No binding of " + mail + " exists to match If-Match " + ifMatch.strip()));
                }
                RoomBinding binding = new RoomBinding();
                binding.mail = mail;
                binding.createdAt = now();
                apply(binding, profileId, request);
                return repository.persistAndFlush(binding).map(b -> new Written(b, true));
            }
            if (!conditional) {
                return Uni.createFrom().failure(ProblemException.preconditionRequired(
                        "The room is bound already: send If-Match with the binding's ETag (from GET /rooms/" + mail
                                + ") to replace it"));
            }
            if (!WriteConflicts.matches(ifMatch, existing.etag())) {
                return Uni.createFrom().failure(ProblemException.preconditionFailed(
                        "The binding changed since it was read: its ETag is now " + existing.etag()));
            }
            apply(existing, profileId, request);
            return repository.flush().replaceWith(new Written(existing, false));
        }).onFailure().transform(RoomService::writeConflict);
    }

    /**
     * Two writers raced: the loser of two creates or two replacements gets the 412 of a stale ETag; a binding to a
     * profile deleted meanwhile gets the 400 of an unknown profile.
     */
    private static Throwable writeConflict(Throwable failure) {
        if (WriteConflicts.lostRace(failure) || WriteConflicts.violated(failure, "room_binding_pkey")) {
            return ProblemException.preconditionFailed(
                    "The binding was changed by another request at the same time; read it again and repeat");
        }
        if (WriteConflicts.violated(failure, "room_binding_profile_id_fkey")) {
            return ProblemException.invalid(java.util.List.of(new io.calendargateway.error.Problem.FieldError(
                    "profileId", "the profile was deleted meanwhile")));
        }
        return failure;
    }

    @WithTransaction
    public Uni<Void> delete(String mail) {
        return repository.deleteById(mail).flatMap(deleted -> deleted ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ProblemException.notFound("Room " + mail + " is not bound")));
    }

    @WithSession
    public Uni<RoomBinding> get(String mail) {
        return repository.findById(mail);
    }

    private static void apply(RoomBinding binding, UUID profileId, RoomRequest request) {
        binding.profileId = profileId;
        binding.folderId = trimmed(request.folderId());
        binding.displayName = trimmed(request.displayName());
        binding.timeZone = trimmed(request.timeZone());
        binding.privacy = request.privacy() == null ? Privacy.MASK_PRIVATE : request.privacy();
        binding.allowNonRoom = Boolean.TRUE.equals(request.allowNonRoom());
        binding.updatedAt = now();
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
