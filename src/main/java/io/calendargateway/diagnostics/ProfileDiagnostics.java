package io.calendargateway.diagnostics;

import io.calendargateway.error.ProblemException;
import io.calendargateway.exchange.EwsDiagnostics;
import io.calendargateway.graph.GraphDiagnostics;
import io.calendargateway.oauth.JwtClaims;
import io.calendargateway.oauth.ProfileTokens;
import io.calendargateway.oauth.TokenException;
import io.calendargateway.profile.AuthType;
import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileKind;
import io.calendargateway.profile.ProfileService;
import io.calendargateway.profile.ProfileWarning;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code POST /profiles/{id}/test}: walks the connection chain step by step and says, for the first link that
 * breaks, the Exchange or Entra ID code and what to do about it. Always answers 200 with the report: a failed
 * step is a finding, not an error of this request.
 */
@ApplicationScoped
public class ProfileDiagnostics {

    private static final Pattern MAILBOX = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final ProfileWarning TOKEN_WITHOUT_ROLES = new ProfileWarning("NO_ROLES",
            "The client-credentials token has no roles claim: admin consent for the application permissions is "
                    + "missing, so Exchange will refuse every call.");

    private static final Logger LOG = Logger.getLogger(ProfileDiagnostics.class);

    private final ProfileService profiles;
    private final ProfileTokens tokens;
    private final EwsDiagnostics ews;
    private final GraphDiagnostics graph;

    public ProfileDiagnostics(ProfileService profiles, ProfileTokens tokens, EwsDiagnostics ews,
                              GraphDiagnostics graph) {
        this.profiles = profiles;
        this.tokens = tokens;
        this.ews = ews;
        this.graph = graph;
    }

    public Uni<DiagnosticReport> test(String profileId, String mailbox) {
        String sample = mailbox == null || mailbox.isBlank() ? null : mailbox.strip().toLowerCase(Locale.ROOT);
        if (sample != null && !MAILBOX.matcher(sample).matches()) {
            return Uni.createFrom().failure(ProblemException.badRequest("mailbox '" + mailbox
                    + "' is not a mail address"));
        }
        // load reactively, then leave the event loop: every step below blocks on the network
        return profiles.get(profileId).flatMap(profile -> Uni.createFrom().item(() -> run(profile, sample))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    DiagnosticReport run(Profile profile, String mailbox) {
        ProfileService.Secrets secrets = profiles.decryptedSecrets(profile);
        List<DiagnosticStep> steps = new ArrayList<>();
        List<ProfileWarning> warnings = new ArrayList<>(profiles.warnings(profile));
        boolean noRoles = false;
        String token = null;
        if (profile.authType.isOAuth()) {
            long start = System.nanoTime();
            DiagnosticStep tokenStep;
            try {
                token = tokens.tokenBlocking(profile, secrets);
                tokenStep = inspect(profile, token, DiagnosticStep.millisSince(start));
            } catch (TokenException e) {
                LOG.debugf(e.getCause(), "Token request of profile %s failed: %s", profile.id, e.failure().code());
                tokenStep = DiagnosticStep.failed("token", DiagnosticStep.millisSince(start),
                        e.failure().code(), e.failure().message());
            }
            steps.add(tokenStep);
            if (tokenStep.status() == DiagnosticStep.Status.FAILED) {
                List<String> rest = profile.kind == ProfileKind.EWS
                        ? List.of("tls", "authentication", "serverVersion", "mailboxAccess", "calendarRead")
                        : List.of("mailboxAccess", "calendarRead");
                for (String name : rest) {
                    steps.add(DiagnosticStep.skipped(name, "skipped: no token"));
                }
                return DiagnosticReport.of(profile.id, mailbox, steps, warnings);
            }
            noRoles = "NO_ROLES".equals(tokenStep.code());
            if (noRoles) {
                warnings.add(TOKEN_WITHOUT_ROLES);
            }
        } else {
            steps.add(DiagnosticStep.skipped("token", "signs in with " + profile.authType + ", no token needed"));
        }
        // a zone id, not the offset: details say "(UTC)", not "(Z)"
        ZoneId zone = ZoneId.of(profile.timeZone == null ? "UTC" : profile.timeZone);
        if (profile.kind == ProfileKind.EWS) {
            steps.addAll(ews.run(profile, secrets, mailbox, noRoles, zone));
        } else {
            steps.addAll(graph.run(profile, token, mailbox, noRoles, zone, tokens.effectiveProxy(profile)));
        }
        return DiagnosticReport.of(profile.id, mailbox, steps, warnings);
    }

    /** Reads the token's claims: an app-only token without roles means admin consent is missing. */
    private static DiagnosticStep inspect(Profile profile, String token, long ms) {
        JwtClaims claims;
        try {
            claims = JwtClaims.decode(token);
        } catch (RuntimeException notJwt) {
            return DiagnosticStep.ok("token", ms, "token issued (not a JWT, claims not checked)");
        }
        if (profile.authType == AuthType.OAUTH2_CLIENT_CREDENTIALS && claims.roles().isEmpty()) {
            return DiagnosticStep.warning("token", ms, "NO_ROLES", "token issued for " + claims.audience()
                    + " but without a roles claim");
        }
        return DiagnosticStep.ok("token", ms, "token issued for " + claims.audience()
                + (claims.roles().isEmpty() ? " with scopes " + claims.scopes() : " with roles " + claims.roles()));
    }
}
