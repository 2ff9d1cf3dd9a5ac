package io.calendargateway.diagnostics;

import io.calendargateway.oauth.JwtClaims;

import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileKind;
import io.calendargateway.profile.ProfileService;

import java.time.ZoneId;
import java.util.List;

/**
 * The backend-specific links of a profile test (everything after the token step), implemented by the EWS and the
 * Graph code. Blocking: runs on a worker thread.
 */
public interface ConnectionCheck {

    /** The kind of profile this check tests. */
    ProfileKind kind();

    /**
     * The permissions this backend needs that the token lacks, none by default (EWS tokens
     * carry one permission, whose absence the roles check already reports).
     */
    default List<MissingPermission> missingPermissions(JwtClaims claims) {
        return List.of();
    }

    /**
     * @param token the profile's access token, or null when it signs in without one
     * @param mailbox the sample mailbox to read, or null
     * @param noRoles the app-only token has no roles claim: a refusal then means admin consent is missing
     * @param zone the zone whose "today" the calendar step reads
     */
    List<DiagnosticStep> run(Profile profile, ProfileService.Secrets secrets, String token, String mailbox,
                             boolean noRoles, ZoneId zone);
}
