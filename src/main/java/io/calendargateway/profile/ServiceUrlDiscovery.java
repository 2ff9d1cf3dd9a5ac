package io.calendargateway.profile;

import io.smallrye.mutiny.Uni;

/**
 * Finds the EWS URL of a profile being created from its {@code autodiscoverEmail}. Implemented beside the EWS
 * code; declared here so that profiles do not depend on how autodiscover works.
 */
public interface ServiceUrlDiscovery {

    /**
     * @return the EWS URL, delivered on the caller's Vert.x context; fails with a problem when autodiscover finds
     *         none
     */
    Uni<String> discover(ProfileRequest request);
}
