package io.calendargateway.profile;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProfileRepository implements PanacheRepositoryBase<Profile, UUID> {

    public Uni<Profile> findByName(String name) {
        return find("name", name).firstResult();
    }

    public Uni<List<Profile>> listByName() {
        return list("order by name");
    }
}
