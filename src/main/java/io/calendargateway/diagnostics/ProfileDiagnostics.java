package io.calendargateway.diagnostics;

import io.calendargateway.error.ProblemException;
import io.calendargateway.oauth.JwtClaims;
import io.calendargateway.oauth.ProfileTokens;
import io.calendargateway.oauth.TokenException;
import io.calendargateway.profile.AuthType;
import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileKind;
import io.calendargateway.profile.ProfileService;
import io.calendargateway.profile.ProfileWarning;
import io.calendargateway.room.Normalizer;
import io.calendargateway.upstream.Appointment;
import io.calendargateway.upstream.Backends;
import io.calendargateway.upstream.Hints;
import io.calendargateway.upstream.UpstreamException;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private final Map<ProfileKind, ConnectionCheck> checks = new EnumMap<>(ProfileKind.class);

    private final Backends backends;
    private final Clock clock;

    public ProfileDiagnostics(ProfileService profiles, ProfileTokens tokens, @Any Instance<ConnectionCheck> checks,
                              Backends backends, Clock clock) {
        this.profiles = profiles;
        this.tokens = tokens;
        this.backends = backends;
        this.clock = clock;
        checks.forEach(check -> this.checks.put(check.kind(), check));
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
                tokenStep = inspect(profile, token, DiagnosticStep.millisSince(start), warnings);
            } catch (TokenException e) {
                LOG.debugf(e.getCause(), "Token request of profile %s failed: %s", profile.id, e.tokenFailure().code());
                tokenStep = DiagnosticStep.failed(Step.TOKEN, DiagnosticStep.millisSince(start), e.failure());
            }
            steps.add(tokenStep);
            if (tokenStep.status() == DiagnosticStep.Status.FAILED) {
                List<Step> rest = profile.kind == ProfileKind.EWS
                        ? List.of(Step.TLS, Step.AUTHENTICATION, Step.SERVER_VERSION, Step.MAILBOX_ACCESS,
                                Step.CALENDAR_READ)
                        : List.of(Step.MAILBOX_ACCESS, Step.CALENDAR_READ);
                for (Step name : rest) {
                    steps.add(DiagnosticStep.skipped(name, "skipped: no token"));
                }
                return DiagnosticReport.of(profile.id, mailbox, steps, warnings);
            }
            noRoles = "NO_ROLES".equals(tokenStep.code());
            if (noRoles) {
                warnings.add(TOKEN_WITHOUT_ROLES);
            }
        } else {
            steps.add(DiagnosticStep.skipped(Step.TOKEN, "signs in with " + profile.authType + ", no token needed"));
        }
        // a zone id, not the offset: details say "(UTC)", not "(Z)"
        ZoneId zone = ZoneId.of(profile.timeZone == null ? "UTC" : profile.timeZone);
        steps.addAll(checks.get(profile.kind).run(profile, secrets, token, mailbox, noRoles, zone));
        boolean mailboxReadable = steps.stream().anyMatch(step -> step.name() == Step.MAILBOX_ACCESS
                && step.status() == DiagnosticStep.Status.OK);
        if (mailboxReadable && steps.stream().noneMatch(step -> step.name() == Step.CALENDAR_READ)) {
            steps.add(calendarRead(profile, mailbox, zone, noRoles));
        }
        return DiagnosticReport.of(profile.id, mailbox, steps, warnings);
    }

    /** Today's calendar of the sample mailbox, read as door signs read it, checked for AddOrganizerToSubject. */
    private DiagnosticStep calendarRead(Profile profile, String mailbox, ZoneId zone, boolean noRoles) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long start = System.nanoTime();
        try {
            List<Appointment> items = backends.of(profile).appointments(profile, mailbox, null,
                    today.atStartOfDay(zone).toInstant(), today.plusDays(1).atStartOfDay(zone).toInstant());
            String detail = DiagnosticStep.count(items.size(), "item") + " on " + today + " (" + zone.getId() + ")";
            long ms = DiagnosticStep.millisSince(start);
            Normalizer.OrganizerSubjects subjects = Normalizer.organizerSubjects(items);
            if (subjects.suspected()) {
                return DiagnosticStep.warning(Step.CALENDAR_READ, ms, "ADD_ORGANIZER_TO_SUBJECT", detail + "; "
                        + subjects.subjectIsOrganizer() + " of " + subjects.withOrganizer() + " subjects are the "
                        + "organizer's name: the room mailbox probably has AddOrganizerToSubject on");
            }
            return DiagnosticStep.ok(Step.CALENDAR_READ, ms, detail);
        } catch (UpstreamException e) {
            DiagnosticStep step = DiagnosticStep.failed(Step.CALENDAR_READ, DiagnosticStep.millisSince(start),
                    e.failure());
            return noRoles && "HTTP_401".equals(e.failure().code()) ? step.withHint(Hints.NO_ROLES) : step;
        }
    }

    /**
     * Reads the token's claims: an app-only token without roles means admin consent is missing; one without a
     * permission the backend needs gets a warning per missing permission.
     */
    private DiagnosticStep inspect(Profile profile, String token, long ms, List<ProfileWarning> warnings) {
        JwtClaims claims;
        try {
            claims = JwtClaims.decode(token);
        } catch (RuntimeException notJwt) {
            return DiagnosticStep.ok(Step.TOKEN, ms, "token issued (not a JWT, claims not checked)");
        }
        if (profile.authType == AuthType.OAUTH2_CLIENT_CREDENTIALS && claims.roles().isEmpty()) {
            return DiagnosticStep.warning(Step.TOKEN, ms, "NO_ROLES", "token issued for " + claims.audience()
                    + " but without a roles claim");
        }
        String issued = "token issued for " + claims.audience()
                + (claims.roles().isEmpty() ? " with scopes " + claims.scopes() : " with roles " + claims.roles());
        List<MissingPermission> missing = checks.get(profile.kind).missingPermissions(claims);
        if (!missing.isEmpty()) {
            missing.forEach(permission -> warnings.add(permission.warning()));
            return DiagnosticStep.warning(Step.TOKEN, ms, "MISSING_PERMISSIONS", issued + "; missing "
                    + String.join(", ", missing.stream().map(MissingPermission::name).toList()));
        }
        return DiagnosticStep.ok(Step.TOKEN, ms, issued);
    }
}
