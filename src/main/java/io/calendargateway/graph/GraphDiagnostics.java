package io.calendargateway.graph;

import io.calendargateway.diagnostics.ConnectionCheck;
import io.calendargateway.diagnostics.DiagnosticStep;
import io.calendargateway.diagnostics.MissingPermission;
import io.calendargateway.diagnostics.Step;
import io.calendargateway.oauth.JwtClaims;
import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileKind;
import io.calendargateway.profile.ProfileService;
import io.calendargateway.upstream.UpstreamException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Microsoft Graph links of a profile test: which of the permissions the gateway needs the token lacks, then
 * the sample mailbox's calendars (the application permission and its scope: an application access policy or RBAC
 * for Applications shows here). The calendar read itself is the generic step that reads as door signs do.
 * Requests and their failures go through {@link GraphClient} and {@link GraphErrors}, as door-sign reads do.
 */
@ApplicationScoped
public class GraphDiagnostics implements ConnectionCheck {

    private final GraphClient graph;

    public GraphDiagnostics(GraphClient graph) {
        this.graph = graph;
    }

    @Override
    public ProfileKind kind() {
        return ProfileKind.GRAPH;
    }

    @Override
    public List<MissingPermission> missingPermissions(JwtClaims claims) {
        return GraphPermissions.of(claims).missing().stream()
                .map(needed -> new MissingPermission(needed.name(), needed.purpose())).toList();
    }

    @Override
    public List<DiagnosticStep> run(Profile profile, ProfileService.Secrets secrets, String token, String mailbox,
                                    boolean noRoles, ZoneId zone) {
        List<DiagnosticStep> steps = new ArrayList<>();
        if (mailbox == null) {
            steps.add(DiagnosticStep.skipped(Step.MAILBOX_ACCESS, "add ?mailbox=<room address> to check access to a mailbox"));
            steps.add(DiagnosticStep.skipped(Step.CALENDAR_READ, "add ?mailbox=<room address> to read a calendar"));
            return steps;
        }
        long start = System.nanoTime();
        try {
            int calendars = graph.call(profile, mailbox, "calendars", session -> session.all(
                    "/users/" + GraphClient.segment(mailbox) + "/calendars",
                    GraphClient.query("$select", "id,name"), Map.of()).size());
            steps.add(DiagnosticStep.ok(Step.MAILBOX_ACCESS, DiagnosticStep.millisSince(start), "application access to "
                    + mailbox + ": " + DiagnosticStep.count(calendars, "calendar")));
        } catch (UpstreamException e) {
            steps.add(DiagnosticStep.failed(Step.MAILBOX_ACCESS, DiagnosticStep.millisSince(start), e.failure()));
            steps.add(DiagnosticStep.skipped(Step.CALENDAR_READ, "skipped: mailboxAccess failed"));
        }
        return steps;
    }
}
