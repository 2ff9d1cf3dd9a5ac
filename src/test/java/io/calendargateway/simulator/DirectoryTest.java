package io.calendargateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.search.ResolveNameSearchLocation;
import microsoft.exchange.webservices.data.misc.NameResolution;
import microsoft.exchange.webservices.data.misc.NameResolutionCollection;
import microsoft.exchange.webservices.data.property.complex.EmailAddress;
import microsoft.exchange.webservices.data.property.complex.EmailAddressCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ResolveNames, GetRoomLists and GetRooms read by ews-java-api. */
class DirectoryTest {

    static ExchangeSimulator sim;

    @BeforeAll
    static void start() {
        sim = ExchangeSimulator.start(Scenarios.defaultScenario(LocalDate.of(2026, 3, 18)));
    }

    @AfterAll
    static void stop() {
        try {
            SchemaSupport.assertEwsTrafficValid(sim);
        } finally {
            sim.close();
        }
    }

    static ExchangeService gateway() {
        return EwsClients.impersonating(sim.ewsUrl(), "CONTOSO", "svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD,
                "room1@contoso.com");
    }

    @Test
    void shouldResolvePartialNamesWithMailboxTypes() throws Exception {
        try (ExchangeService service = gateway()) {
            NameResolutionCollection rooms = service.resolveName("room", ResolveNameSearchLocation.DirectoryOnly, true);
            List<String> got = new ArrayList<>();
            for (NameResolution r : rooms) {
                got.add(r.getMailbox().getName() + " <" + r.getMailbox().getAddress() + "> "
                        + r.getMailbox().getMailboxType());
            }
            assertEquals(List.of("Board Room <boardroom@contoso.com> Mailbox",
                    "Building 1 Rooms <building1@contoso.com> PublicGroup",
                    "Building 2 Rooms <building2@contoso.com> PublicGroup", "Room 1 <room1@contoso.com> Mailbox",
                    "Room 2 <room2@contoso.com> Mailbox", "Room 3 <room3@contoso.com> Mailbox",
                    "Room NY <room-ny@contoso.com> Mailbox"), got);
            assertEquals("Board Room", rooms.nameResolutionCollection(0).getContact().getDisplayName());

            NameResolutionCollection building = service.resolveName("build", ResolveNameSearchLocation.DirectoryOnly,
                    false);
            assertEquals(2, building.getCount());
            assertEquals("PublicGroup", building.nameResolutionCollection(0).getMailbox().getMailboxType().name());

            NameResolutionCollection alex = service.resolveName("alex");
            assertEquals(1, alex.getCount());
            assertEquals("alexw@contoso.com", alex.nameResolutionCollection(0).getMailbox().getAddress());

            NameResolutionCollection many = service.resolveName("contoso", ResolveNameSearchLocation.DirectoryOnly,
                    false);
            assertEquals(100, many.getCount());
            assertTrue(many.getIncludesAllResolutions() == false);

            assertEquals(0, service.resolveName("zzz-nobody").getCount());
            assertEquals(0, service.resolveName("meeting").getCount(), "another tenant's rooms stay invisible");
        }
    }

    @Test
    void shouldListRoomListsAndTheirRooms() throws Exception {
        try (ExchangeService service = gateway()) {
            EmailAddressCollection lists = service.getRoomLists();
            List<String> names = new ArrayList<>();
            for (EmailAddress a : lists) {
                names.add(a.getName() + " <" + a.getAddress() + ">");
            }
            assertEquals(List.of("Building 1 Rooms <building1@contoso.com>", "Building 2 Rooms <building2@contoso.com>"),
                    names);
            List<String> rooms = service.getRooms(new EmailAddress("building1@contoso.com")).stream()
                    .map(a -> a.getName() + " <" + a.getAddress() + ">").toList();
            assertEquals(List.of("Room 1 <room1@contoso.com>", "Room 2 <room2@contoso.com>",
                    "Board Room <boardroom@contoso.com>"), rooms);
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> service.getRooms(new EmailAddress("nolist@contoso.com")));
            assertEquals("ErrorNameResolutionNoResults",
                    String.valueOf(EwsClients.responseException(e).getErrorCode()));
        }
        assertEquals(1, sim.calls().count("GetRoomLists"));
    }
}
