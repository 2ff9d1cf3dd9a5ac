package io.calendargateway.room;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RoomBindingRepository implements PanacheRepositoryBase<RoomBinding, String> {
}
