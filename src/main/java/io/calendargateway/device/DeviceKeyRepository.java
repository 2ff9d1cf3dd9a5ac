package io.calendargateway.device;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class DeviceKeyRepository implements PanacheRepositoryBase<DeviceKey, UUID> {
}
