package io.calendargateway.device;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A device key as admins see it. {@code key} is present only in the answer that created it: it is not stored.
 *
 * @param keyPrefix the key's first characters, to tell keys apart
 */
public record DeviceView(UUID id, String name, List<String> rooms, String keyPrefix, OffsetDateTime createdAt,
                         OffsetDateTime lastSeenAt, @JsonInclude(JsonInclude.Include.NON_NULL) String key) {

    static DeviceView of(DeviceKey k, String key) {
        return new DeviceView(k.id, k.name, List.copyOf(k.rooms), k.keyPrefix, k.createdAt, k.lastSeenAt, key);
    }
}
