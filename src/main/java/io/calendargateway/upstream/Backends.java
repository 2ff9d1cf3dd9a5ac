package io.calendargateway.upstream;

import io.calendargateway.error.ProblemException;
import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.util.EnumMap;
import java.util.Map;

/** Picks the backend of a profile by its kind. */
@ApplicationScoped
public class Backends {

    private final Map<ProfileKind, CalendarBackend> byKind = new EnumMap<>(ProfileKind.class);

    public Backends(@Any Instance<CalendarBackend> backends) {
        backends.forEach(backend -> byKind.put(backend.kind(), backend));
    }

    /** @throws ProblemException 501 when no backend serves this kind of profile's rooms yet */
    public CalendarBackend of(Profile profile) {
        return of(profile, "Rooms of " + profile.kind + " profiles are not served yet");
    }

    /** @throws ProblemException 501 with {@code unsupported} as detail when no backend serves this kind yet */
    public CalendarBackend of(Profile profile, String unsupported) {
        CalendarBackend backend = byKind.get(profile.kind);
        if (backend == null) {
            throw ProblemException.notImplemented(unsupported);
        }
        return backend;
    }
}
