package io.calendargateway.diagnostics;

import io.calendargateway.profile.ProfileWarning;

/**
 * A permission a backend needs that the profile's token does not carry.
 *
 * @param name the permission ({@code Place.Read.All})
 * @param purpose what the gateway cannot do without it, as the end of "needed to ..."
 */
public record MissingPermission(String name, String purpose) {

    ProfileWarning warning() {
        return new ProfileWarning("MISSING_PERMISSION", "The token lacks the permission " + name + ", needed to "
                + purpose + ". Add it as an application permission and grant admin consent.");
    }
}
