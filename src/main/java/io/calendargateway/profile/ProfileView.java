package io.calendargateway.profile;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A profile as the API shows it: never a secret, only whether one is set, plus the warnings that apply. */
public record ProfileView(
        UUID id,
        String name,
        ProfileKind kind,
        String serviceUrl,
        String autodiscoverEmail,
        String tenantId,
        String authorityUrl,
        Auth auth,
        Access access,
        List<String> domains,
        String timeZone,
        Tls tls,
        String proxy,
        int version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        List<ProfileWarning> warnings) {

    public record Auth(AuthType type, String username, String domain, String clientId, String tokenUrl,
                       String scope, boolean passwordSet, boolean clientSecretSet) {
    }

    public record Tls(String caBundlePem, boolean insecureSkipVerify) {
    }
}
