package io.calendargateway.graph;

import io.calendargateway.config.EwsConfig;
import io.calendargateway.diagnostics.ConnectionCheck;
import io.calendargateway.diagnostics.DiagnosticStep;
import io.calendargateway.diagnostics.Step;
import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileKind;
import io.calendargateway.profile.ProfileService;
import io.calendargateway.upstream.Hints;
import io.calendargateway.upstream.Outbound;
import io.calendargateway.upstream.TlsTrust;
import io.calendargateway.upstream.TransportErrors;
import io.calendargateway.upstream.UpstreamFailure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The Microsoft Graph links of a profile test: the sample mailbox's calendars (application permission and its
 * scope), then today's calendar view. Blocking: runs on a worker thread.
 */
@ApplicationScoped
public class GraphDiagnostics implements ConnectionCheck {

    private final ObjectMapper json;
    private final EwsConfig timeouts;
    private final Outbound outbound;

    public GraphDiagnostics(ObjectMapper json, EwsConfig timeouts, Outbound outbound) {
        this.json = json;
        this.timeouts = timeouts;
        this.outbound = outbound;
    }

    @Override
    public ProfileKind kind() {
        return ProfileKind.GRAPH;
    }

    /**
     * @param token an access token for Graph
     * @param noRoles the app-only token has no roles: a 403 then means admin consent is missing
     */
    @Override
    public List<DiagnosticStep> run(Profile profile, ProfileService.Secrets secrets, String token, String mailbox,
                                    boolean noRoles, ZoneId zone) {
        URI proxy = outbound.proxy(profile);
        List<DiagnosticStep> steps = new ArrayList<>();
        if (mailbox == null) {
            steps.add(DiagnosticStep.skipped(Step.MAILBOX_ACCESS, "add ?mailbox=<room address> to check access to a mailbox"));
            steps.add(DiagnosticStep.skipped(Step.CALENDAR_READ, "add ?mailbox=<room address> to read a calendar"));
            return steps;
        }
        HttpClient.Builder builder = HttpClient.newBuilder()
                .sslContext(TlsTrust.sslContext(profile.caBundlePem, profile.insecureSkipVerify))
                .connectTimeout(timeouts.connectTimeout());
        if (proxy != null) {
            builder.proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(),
                    proxy.getPort() > 0 ? proxy.getPort() : 80)));
        }
        HttpClient client = builder.build();
        String base = profile.serviceUrl.replaceAll("/+$", "") + "/users/" + encode(mailbox);

        long start = System.nanoTime();
        Answer calendars = get(client, token, base + "/calendars");
        if (calendars.failure != null) {
            steps.add(failure(Step.MAILBOX_ACCESS, start, calendars, noRoles));
            steps.add(DiagnosticStep.skipped(Step.CALENDAR_READ, "skipped: mailboxAccess failed"));
            return steps;
        }
        steps.add(DiagnosticStep.ok(Step.MAILBOX_ACCESS, DiagnosticStep.millisSince(start), "application access to " + mailbox + ": "
                + DiagnosticStep.count(calendars.body.path("value").size(), "calendar")));

        LocalDate today = LocalDate.now(zone);
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        String view = base + "/calendar/calendarView?startDateTime="
                + encode(today.atStartOfDay(zone).toOffsetDateTime().format(iso)) + "&endDateTime="
                + encode(today.plusDays(1).atStartOfDay(zone).toOffsetDateTime().format(iso)) + "&$top=100";
        start = System.nanoTime();
        Answer events = get(client, token, view);
        if (events.failure != null) {
            steps.add(failure(Step.CALENDAR_READ, start, events, noRoles));
        } else {
            int size = events.body.path("value").size();
            steps.add(DiagnosticStep.ok(Step.CALENDAR_READ, DiagnosticStep.millisSince(start),
                    (events.body.has("@odata.nextLink") ? size + "+ items" : DiagnosticStep.count(size, "item"))
                            + " on " + today + " (" + zone + ")"));
        }
        return steps;
    }

    private Answer get(HttpClient client, String token, String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeouts.readTimeout())
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = json.readTree(response.body());
            } catch (Exception notJson) {
                return new Answer(null, new UpstreamFailure(UpstreamFailure.Kind.GARBAGE, "INVALID_RESPONSE",
                        "Graph answered HTTP " + response.statusCode() + " without JSON", null));
            }
            if (response.statusCode() / 100 == 2) {
                return new Answer(body, null);
            }
            String code = body.path("error").path("code").asText("HTTP_" + response.statusCode());
            String message = body.path("error").path("message").asText("HTTP " + response.statusCode());
            return new Answer(null, new UpstreamFailure(UpstreamFailure.Kind.EXCHANGE_ERROR, code,
                    "HTTP " + response.statusCode() + ": " + message, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, TransportErrors.translate(e));
        } catch (Exception e) {
            return new Answer(null, TransportErrors.translate(e));
        }
    }

    private static DiagnosticStep failure(Step name, long start, Answer answer, boolean noRoles) {
        UpstreamFailure failure = answer.failure;
        String hint = switch (failure.code()) {
            case "ErrorAccessDenied", "Authorization_RequestDenied" -> noRoles ? Hints.NO_ROLES : Hints.GRAPH_FORBIDDEN;
            case "ErrorInvalidUser", "ErrorItemNotFound", "ResourceNotFound", "MailboxNotEnabledForRESTAPI" ->
                    Hints.NO_MAILBOX;
            case "InvalidAuthenticationToken" -> Hints.GRAPH_TOKEN;
            default -> Hints.forCode(failure.code());
        };
        return DiagnosticStep.failed(name, DiagnosticStep.millisSince(start), failure.code(), failure.message()).withHint(hint);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }


    private record Answer(JsonNode body, UpstreamFailure failure) {
    }
}
