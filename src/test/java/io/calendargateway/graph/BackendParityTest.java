package io.calendargateway.graph;

import io.calendargateway.simulator.Scenarios;
import io.calendargateway.support.Rooms;
import io.calendargateway.support.SimulatorResource;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.calendargateway.support.Admin.admin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every tricky room gives door signs the same events whether it is read over EWS (contoso, on-premises) or over
 * Microsoft Graph (tailspin, the same calendars in Exchange Online). Compared: every field but {@code id};
 * {@code seriesId} as the same grouping (EWS uses the series UID, Graph the master's id); WORKING_ELSEWHERE over
 * Graph equals FREE over EWS (ews-java-api's Exchange2010_SP2 gets the downlevel value); the organizer's mail where
 * EWS resolved it, in contoso's domain (the room itself organizes some events, and its copy lives at
 * tailspintoys.com).
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(SimulatorResource.class)
class BackendParityTest {

    private static final LocalDate D = LocalDate.now(Scenarios.BERLIN);
    private String ews;
    private String graph;

    @BeforeEach
    void createProfiles() {
        ews = Rooms.profile("svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD);
        graph = GraphRoomsTest.profile(Scenarios.TAILSPIN_TENANT_ID, Scenarios.TAILSPIN_APP,
                Scenarios.TAILSPIN_APP_SECRET);
    }

    @AfterEach
    void deleteProfiles() {
        admin().when().delete("/profiles/" + ews + "?force=true").then().statusCode(204);
        admin().when().delete("/profiles/" + graph + "?force=true").then().statusCode(204);
    }

    @ParameterizedTest(name = "{0} in {1}, {2} days")
    @CsvSource({
            "room1, Europe/Berlin, 9",
            "room2, Europe/Berlin, 2",
            "boardroom, Europe/Berlin, 3",
            "room3, Europe/Berlin, 3",
            "room-ny, America/New_York, 9",
            "room-in, Asia/Kolkata, 4",
            "room-busy, Europe/Berlin, 31",
            "training, Europe/Berlin, 9"})
    void shouldReadTheSameEventsOverEwsAndGraph(String room, String zone, int days) {
        String binding = "{\"profileId\": \"%s\", \"timeZone\": \"" + zone + "\", \"privacy\": \"SHOW\"}";
        Rooms.bind(room + "@contoso.com", binding.formatted(ews));
        Rooms.bind(room + "@" + Scenarios.TAILSPIN_DOMAIN, binding.formatted(graph));
        LocalDate from = D.minusDays(1);
        String window = "?includeCancelled=true&from=" + from + "&to=" + from.plusDays(days);

        List<Map<String, Object>> overEws = events(room + "@contoso.com", window);
        List<Map<String, Object>> overGraph = events(room + "@" + Scenarios.TAILSPIN_DOMAIN, window);

        assertThat(overEws).as("events over EWS").isNotEmpty();
        assertThat(comparable(overGraph, true, overEws)).isEqualTo(comparable(overEws, false, overEws));
    }

    private static List<Map<String, Object>> events(String mail, String window) {
        return admin().when().get("/rooms/" + mail + "/events" + window).then().statusCode(200)
                .extract().jsonPath().getList("events");
    }

    /** The events without ids, series as first-seen group numbers, in a stable order. */
    private static List<Map<String, Object>> comparable(List<Map<String, Object>> events, boolean graph,
                                                       List<Map<String, Object>> overEws) {
        List<Map<String, Object>> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing((Map<String, Object> e) -> (String) e.get("start"))
                .thenComparing(e -> (String) e.get("end"))
                .thenComparing(e -> String.valueOf(e.get("subject"))));
        List<Map<String, Object>> ewsSorted = new ArrayList<>(overEws);
        ewsSorted.sort(Comparator.comparing((Map<String, Object> e) -> (String) e.get("start"))
                .thenComparing(e -> (String) e.get("end"))
                .thenComparing(e -> String.valueOf(e.get("subject"))));
        Map<Object, Integer> groups = new HashMap<>();
        List<Map<String, Object>> result = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Map<String, Object> e = new LinkedHashMap<>(sorted.get(i));
            e.remove("id");
            Object series = e.get("seriesId");
            e.put("seriesId", series == null ? null : groups.computeIfAbsent(series, s -> groups.size()));
            if (graph && "WORKING_ELSEWHERE".equals(e.get("showAs"))) {
                e.put("showAs", "FREE");
            }
            if (e.get("organizer") instanceof Map<?, ?> organizer) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("name", organizer.get("name"));
                Object ewsMail = i < ewsSorted.size() && ewsSorted.get(i).get("organizer") instanceof Map<?, ?> eo
                        ? eo.get("mail") : null;
                Object mail = organizer.get("mail");
                o.put("mail", ewsMail == null || mail == null ? null
                        : mail.toString().replace("@" + Scenarios.TAILSPIN_DOMAIN, "@contoso.com"));
                e.put("organizer", o);
            }
            result.add(e);
        }
        return result;
    }
}
