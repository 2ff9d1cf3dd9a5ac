package io.calendargateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.search.FolderTraversal;
import microsoft.exchange.webservices.data.core.service.folder.CalendarFolder;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.property.complex.EmailAddress;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.search.CalendarView;
import microsoft.exchange.webservices.data.search.FolderView;
import org.junit.jupiter.api.Test;

/**
 * Fidelity against the reference material: every EWS request ews-java-api sends and every response the
 * simulator gives validates against the EWS schema; Graph events carry the fields of the published samples.
 * Skips (saying so) when {@code ../shared/reference} is absent.
 */
class FidelityTest {

    static final Path SAMPLES = ReferenceMaterial.EWS_SAMPLES;

    @Test
    void shouldValidateEveryEwsOperationAgainstTheSchema() throws Exception {
        ReferenceMaterial.assumePresent(SchemaSupport.SCHEMA_DIR.resolve("messages.xsd"), "EWS schema validation");
        LocalDate day = LocalDate.of(2026, 3, 18);
        try (ExchangeSimulator sim = ExchangeSimulator.start(Scenarios.defaultScenario(day), SimulatorOptions
                .defaults().ports(0, -1));
                ExchangeService service = EwsClients.impersonating(sim.ewsUrl(), "CONTOSO", "svc-admin",
                        Scenarios.SVC_ADMIN_PASSWORD, "boardroom@contoso.com")) {
            CalendarView view = new CalendarView(Date.from(day.minusDays(40).atStartOfDay(Scenarios.BERLIN).toInstant()),
                    Date.from(day.plusDays(40).atStartOfDay(Scenarios.BERLIN).toInstant()));
            List<Appointment> items = service.findAppointments(new FolderId(WellKnownFolderName.Calendar), view)
                    .getItems();
            Appointment.bind(service, items.get(0).getId());
            FolderView deep = new FolderView(10);
            deep.setTraversal(FolderTraversal.Deep);
            service.findFolders(WellKnownFolderName.Calendar, deep);
            service.findFolders(WellKnownFolderName.MsgFolderRoot, new FolderView(10));
            CalendarFolder.bind(service, WellKnownFolderName.Calendar);
            service.resolveName("room");
            service.resolveName("nobody-at-all");
            service.getRoomLists();
            service.getRooms(new EmailAddress("building1@contoso.com"));
            try {
                service.getRooms(new EmailAddress("nolist@contoso.com"));
            } catch (Exception expected) {
                // ErrorNameResolutionNoResults
            }
            try {
                Appointment.bind(service, new ItemId(items.get(0).getId().getUniqueId().replace("AAMk", "AAMA")));
            } catch (Exception expected) {
                // ErrorInvalidIdMalformed
            }
            try (ExchangeService room1 = EwsClients.impersonating(sim.ewsUrl(), "CONTOSO", "svc-admin",
                    Scenarios.SVC_ADMIN_PASSWORD, "room1@contoso.com")) {
                List<Appointment> series = room1.findAppointments(new FolderId(WellKnownFolderName.Calendar),
                        new CalendarView(Date.from(day.atStartOfDay(Scenarios.BERLIN).toInstant()),
                                Date.from(day.plusDays(3).atStartOfDay(Scenarios.BERLIN).toInstant()))).getItems();
                Appointment.bindToRecurringMaster(room1, series.get(0).getId());
                Appointment.bind(room1, series.get(0).getId());
            }
            // an Exchange2013 AllProperties request with 2013-only elements in the answer
            Http.postXml(sim.ewsUrl(), FaultInjectionTest.FIND_ITEM, "Authorization",
                    Http.basic("CONTOSO\\svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD));
            int validated = SchemaSupport.assertEwsTrafficValid(sim);
            assertTrue(validated >= 28, "validated " + validated + " bodies");
        }
    }

    @Test
    void shouldCarryTheFieldsOfPublishedGraphEvents() throws Exception {
        Path sample = SAMPLES.resolve("graph-events.response.json");
        ReferenceMaterial.assumePresent(sample, "comparison with published Graph events");
        JsonNode published = Http.JSON.readTree(sample.toFile()).get("value").get(0);
        LocalDate day = LocalDate.of(2026, 3, 18);
        try (ExchangeSimulator sim = ExchangeSimulator.start(Scenarios.defaultScenario(day))) {
            String token = sim.issueAppToken("fabrikam", Scenarios.FABRIKAM_APP_CONSENTED,
                    "https://graph.microsoft.com");
            JsonNode ours = Http.json(Http.get(sim.graphUrl() + "/users/meeting-a@fabrikam.com/calendar/calendarView?"
                    + GraphTest.window(day, 1), "Authorization", "Bearer " + token)).get("value").get(1);
            List<String> missing = new ArrayList<>();
            compare("", published, ours, missing);
            assertEquals(List.of(), missing, "fields of the published event missing from ours");
            JsonNode view = Http.JSON.readTree(SAMPLES.resolve("graph-calendarView.response.json").toFile())
                    .get("value").get(0);
            compare("", view, ours, missing);
            assertEquals(List.of(), missing);
        }
    }

    /** Every object field of {@code published} exists in {@code ours} (arrays compared by their first element). */
    private static void compare(String path, JsonNode published, JsonNode ours, List<String> missing) {
        Iterator<String> names = published.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!ours.has(name)) {
                missing.add(path + name);
                continue;
            }
            JsonNode p = published.get(name);
            JsonNode o = ours.get(name);
            if (p.isObject() && o.isObject()) {
                compare(path + name + ".", p, o, missing);
            }
        }
    }
}
