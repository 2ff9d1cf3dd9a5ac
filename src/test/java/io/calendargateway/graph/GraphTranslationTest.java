package io.calendargateway.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calendargateway.upstream.Appointment;
import io.calendargateway.upstream.Hints;
import io.calendargateway.upstream.UpstreamException;
import io.calendargateway.upstream.UpstreamFailure;
import io.calendargateway.upstream.UpstreamFailure.Kind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Graph events and Graph errors as the gateway reads them; pure, no Quarkus. */
class GraphTranslationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void shouldReadAnOccurrenceInUtc() throws Exception {
        Appointment a = GraphEvents.toAppointment(json("""
                {"id": "AAMk-1", "subject": "Weekly planning", "type": "occurrence", "seriesMasterId": "AAMk-master",
                 "start": {"dateTime": "2026-12-02T13:00:00.0000000", "timeZone": "UTC"},
                 "end": {"dateTime": "2026-12-02T14:00:00.0000000", "timeZone": "UTC"},
                 "isAllDay": false, "showAs": "workingElsewhere", "sensitivity": "personal", "isCancelled": false,
                 "organizer": {"emailAddress": {"name": "Megan Bowen", "address": "MeganB@Contoso.com"}},
                 "location": {"displayName": "Room 1"}}"""));
        assertThat(a).isEqualTo(new Appointment("AAMk-1", "AAMk-master", Appointment.Type.OCCURRENCE,
                "Weekly planning", "Megan Bowen", "meganb@contoso.com", Instant.parse("2026-12-02T13:00:00Z"),
                Instant.parse("2026-12-02T14:00:00Z"), false, null, Appointment.ShowAs.WORKING_ELSEWHERE,
                Appointment.Sensitivity.PERSONAL, false, "Room 1"));
    }

    @Test
    void shouldTakeTheDatesOfAllDayEventsAsTheyAre() throws Exception {
        // Graph sends all-day events midnight to midnight "UTC" even when another zone was asked for
        Appointment a = GraphEvents.toAppointment(json("""
                {"id": "AAMk-2", "subject": "Diwali", "type": "singleInstance", "seriesMasterId": null,
                 "start": {"dateTime": "2026-12-03T00:00:00.0000000", "timeZone": "UTC"},
                 "end": {"dateTime": "2026-12-04T00:00:00.0000000", "timeZone": "UTC"},
                 "isAllDay": true, "showAs": "free", "sensitivity": "normal", "isCancelled": false,
                 "organizer": {"emailAddress": {"name": "Room Mumbai", "address": "room-in@contoso.com"}},
                 "location": {"displayName": ""}}"""));
        assertThat(a.start()).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
        assertThat(a.end()).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
        assertThat(a.allDay()).isTrue();
        assertThat(a.startZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(a.location()).isNull();
        assertThat(a.seriesId()).isNull();
    }

    @Test
    void shouldNotShowAnX500AddressAsMail() throws Exception {
        Appointment a = GraphEvents.toAppointment(json("""
                {"id": "AAMk-3", "subject": "Migrated", "type": "singleInstance",
                 "start": {"dateTime": "2026-12-02T09:00:00", "timeZone": "UTC"},
                 "end": {"dateTime": "2026-12-02T10:00:00", "timeZone": "UTC"}, "showAs": "busy",
                 "organizer": {"emailAddress": {"name": "Old User",
                   "address": "/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=OLD"}}}"""));
        assertThat(a.organizerName()).isEqualTo("Old User");
        assertThat(a.organizerMail()).isNull();
        assertThat(a.sensitivity()).isEqualTo(Appointment.Sensitivity.NORMAL);
    }

    @Test
    void shouldRefuseEventsThatAreNotGraphEvents() {
        assertThatThrownBy(() -> GraphEvents.toAppointment(json("""
                {"id": "x", "start": {"dateTime": "yesterday", "timeZone": "UTC"},
                 "end": {"dateTime": "2026-12-02T10:00:00", "timeZone": "UTC"}}""")))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(Kind.GARBAGE);
                    assertThat(e.getMessage()).isEqualTo("Graph sent an event time that is not a date-time: "
                            + "'yesterday'");
                });
        assertThat(GraphEvents.toAppointment(JSON.createObjectNode().put("id", "m").put("type", "seriesMaster")))
                .isNull();
    }

    @Test
    void shouldTellAnAccessPolicyFromMissingConsent() throws Exception {
        JsonNode raop = json("""
                {"error": {"code": "ErrorAccessDenied", "message": "Access to OData is disabled: [RAOP] : Blocked by \
                tenant configured AppOnly AccessPolicy settings."}}""");
        UpstreamFailure policy = GraphErrors.translate(403, raop, Optional.empty(), Duration.ofSeconds(30), true);
        assertThat(policy.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(policy.code()).isEqualTo("ErrorAccessDenied");
        assertThat(policy.hint()).isEqualTo(Hints.GRAPH_ACCESS_POLICY);

        JsonNode denied = json("""
                {"error": {"code": "ErrorAccessDenied", "message": "Access is denied. Check credentials and try again."}}""");
        assertThat(GraphErrors.translate(403, denied, Optional.empty(), Duration.ZERO, true).hint())
                .isEqualTo(Hints.GRAPH_FORBIDDEN);
        assertThat(GraphErrors.translate(403, denied, Optional.empty(), Duration.ZERO, false).hint())
                .isEqualTo(Hints.NO_ROLES);
    }

    @Test
    void shouldTranslateStatusesByTheTable() throws Exception {
        JsonNode throttled = json("""
                {"error": {"code": "ApplicationThrottled", "message": "Application is over its MailboxConcurrency limit."}}""");
        UpstreamFailure t = GraphErrors.translate(429, throttled, Optional.of("7"), Duration.ofSeconds(30), true);
        assertThat(t.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(t.backOffMillis()).isEqualTo(7_000L);
        assertThat(GraphErrors.translate(503, null, Optional.empty(), Duration.ofSeconds(30), true).backOffMillis())
                .isEqualTo(30_000L);

        UpstreamFailure auth = GraphErrors.translate(401, json("""
                {"error": {"code": "InvalidAuthenticationToken", "message": "Access token has expired."}}"""),
                Optional.empty(), Duration.ZERO, true);
        assertThat(auth.kind()).isEqualTo(Kind.AUTH);
        assertThat(auth.message()).isEqualTo("Graph answered HTTP 401: Access token has expired.");
        assertThat(auth.hint()).isEqualTo(Hints.GRAPH_TOKEN);

        UpstreamFailure down = GraphErrors.translate(502, null, Optional.empty(), Duration.ZERO, true);
        assertThat(down.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(down.code()).isEqualTo("HTTP_502");

        UpstreamFailure html = GraphErrors.translate(404, null, Optional.empty(), Duration.ZERO, true);
        assertThat(html.kind()).isEqualTo(Kind.GARBAGE);

        UpstreamFailure user = GraphErrors.translate(404, json("""
                {"error": {"code": "ErrorInvalidUser", "message": "The requested user 'x@y.com' is invalid."}}"""),
                Optional.empty(), Duration.ZERO, true);
        assertThat(user.kind()).isEqualTo(Kind.EXCHANGE_ERROR);
        assertThat(user.hint()).isEqualTo(Hints.NO_MAILBOX);
    }
}
