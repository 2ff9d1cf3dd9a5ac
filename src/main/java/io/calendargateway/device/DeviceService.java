package io.calendargateway.device;

import io.calendargateway.error.Problem.FieldError;
import io.calendargateway.error.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Creates, lists and revokes device keys. */
@ApplicationScoped
public class DeviceService {

    private final DeviceKeyRepository repository;

    public DeviceService(DeviceKeyRepository repository) {
        this.repository = repository;
    }

    /** A new key for the rooms; the answer is the only place the key ever appears. */
    @WithTransaction
    public Uni<DeviceView> create(DeviceRequest request) {
        List<String> rooms = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.rooms().size(); i++) {
            String pattern = RoomPatterns.normalized(request.rooms().get(i));
            if (pattern == null) {
                errors.add(new FieldError("rooms[" + i + "]", "not a room address or *@domain pattern"));
            } else if (!rooms.contains(pattern)) {
                rooms.add(pattern);
            }
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(errors));
        }
        String key = DeviceKeys.newKey();
        DeviceKey device = new DeviceKey();
        device.id = UUID.randomUUID();
        device.name = request.name().strip();
        device.keySha256 = DeviceKeys.sha256(key);
        device.keyPrefix = key.substring(0, DeviceKeys.PREFIX.length() + 6);
        device.rooms = rooms;
        device.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return repository.persistAndFlush(device).map(saved -> DeviceView.of(saved, key));
    }

    @WithSession
    public Uni<List<DeviceView>> list() {
        return repository.list("order by name, createdAt")
                .map(keys -> keys.stream().map(k -> DeviceView.of(k, null)).toList());
    }

    @WithTransaction
    public Uni<Void> revoke(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ProblemException.notFound("No device key with id " + id));
        }
        return repository.deleteById(uuid).flatMap(deleted -> deleted ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ProblemException.notFound("No device key with id " + id)));
    }
}
