package io.calendargateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.search.FolderTraversal;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.schema.FolderSchema;
import microsoft.exchange.webservices.data.property.complex.Mailbox;
import microsoft.exchange.webservices.data.search.FindFoldersResults;
import microsoft.exchange.webservices.data.search.FolderView;
import microsoft.exchange.webservices.data.search.filter.SearchFilter;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.search.ResolveNameSearchLocation;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.misc.NameResolution;
import microsoft.exchange.webservices.data.misc.NameResolutionCollection;
import microsoft.exchange.webservices.data.property.complex.EmailAddress;
import microsoft.exchange.webservices.data.property.complex.EmailAddressCollection;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.search.CalendarView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ResolveNames (names and the legacy DNs FindItem gives), GetRoomLists, GetRooms and the FindFolder a folder tree
 * needs, read by ews-java-api; every response validated against the EWS schema.
 */
class DirectoryTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 18);

    static ExchangeSimulator sim;

    @BeforeAll
    static void start() {
        sim = ExchangeSimulator.start(Scenarios.defaultScenario(DAY));
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
                    "Building 2 Rooms <building2@contoso.com> PublicGroup",
                    "Building 3 Rooms <building3@contoso.com> PublicGroup", "Busy Room <room-busy@contoso.com> Mailbox",
                    "Room 1 <room1@contoso.com> Mailbox", "Room 2 <room2@contoso.com> Mailbox",
                    "Room 3 <room3@contoso.com> Mailbox", "Room Mumbai <room-in@contoso.com> Mailbox",
                    "Room NY <room-ny@contoso.com> Mailbox"), got);
            assertEquals("Board Room", rooms.nameResolutionCollection(0).getContact().getDisplayName());

            NameResolutionCollection building = service.resolveName("build", ResolveNameSearchLocation.DirectoryOnly,
                    false);
            assertEquals(3, building.getCount());
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
        int before = sim.calls().count("GetRoomLists");
        try (ExchangeService service = gateway()) {
            EmailAddressCollection lists = service.getRoomLists();
            List<String> names = new ArrayList<>();
            for (EmailAddress a : lists) {
                names.add(a.getName() + " <" + a.getAddress() + ">");
            }
            assertEquals(List.of("Building 1 Rooms <building1@contoso.com>", "Building 2 Rooms <building2@contoso.com>",
                    "Building 3 Rooms <building3@contoso.com>"), names);
            assertEquals(List.of("Room 1 <room1@contoso.com>", "Room 2 <room2@contoso.com>",
                    "Board Room <boardroom@contoso.com>"), rooms(service, "building1@contoso.com"));
            assertEquals(List.of("Room 3 <room3@contoso.com>", "Room NY <room-ny@contoso.com>",
                    "Room Mumbai <room-in@contoso.com>"), rooms(service, "building2@contoso.com"));
            assertEquals(List.of("Busy Room <room-busy@contoso.com>", "Schulungsraum Köln <training@contoso.com>"),
                    rooms(service, "building3@contoso.com"));
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> service.getRooms(new EmailAddress("nolist@contoso.com")));
            assertEquals("ErrorNameResolutionNoResults",
                    String.valueOf(EwsClients.responseException(e).getErrorCode()));
        }
        assertEquals(before + 1, sim.calls().count("GetRoomLists"));
    }

    @Test
    void shouldAnswerAnOrganisationWithoutRoomListsWithAnEmptyList() throws Exception {
        try (ExchangeService service = EwsClients.ntlm(sim.ewsUrl(), "LITWARE", "svc-directory",
                Scenarios.LITWARE_PASSWORD)) {
            assertEquals(0, service.getRoomLists().getCount());
            NameResolutionCollection lobby = service.resolveName("lob", ResolveNameSearchLocation.DirectoryOnly, false);
            assertEquals(List.of("lobby@litware.com"), addresses(lobby));
        }
    }

    @Test
    void shouldResolveNamesWithNonAsciiLetters() throws Exception {
        try (ExchangeService service = gateway()) {
            assertEquals(List.of("juergen.weiss@contoso.com"), addresses(service.resolveName("jürgen",
                    ResolveNameSearchLocation.DirectoryOnly, false)));
            NameResolutionCollection koeln = service.resolveName("KÖLN", ResolveNameSearchLocation.DirectoryOnly,
                    false);
            assertEquals("Schulungsraum Köln <training@contoso.com>", koeln.nameResolutionCollection(0).getMailbox()
                    .getName() + " <" + koeln.nameResolutionCollection(0).getMailbox().getAddress() + ">");
        }
    }

    @Test
    void shouldPageADeepCalendarFolderTreeThroughDelegateAccess() throws Exception {
        try (ExchangeService service = EwsClients.ntlm(sim.ewsUrl(), "CONTOSO", "svc-delegate",
                Scenarios.SVC_DELEGATE_PASSWORD)) {
            FolderId calendar = new FolderId(WellKnownFolderName.Calendar, new Mailbox("training@contoso.com"));
            Folder root = Folder.bind(service, calendar, PropertySet.FirstClassProperties);
            assertEquals("Calendar 2/4", root.getDisplayName() + " " + root.getTotalCount() + "/"
                    + root.getChildFolderCount());
            List<String> seen = new ArrayList<>();
            int offset = 0;
            int pages = 0;
            while (true) {
                FolderView view = new FolderView(2, offset);
                view.setTraversal(FolderTraversal.Deep);
                view.setPropertySet(new PropertySet(BasePropertySet.FirstClassProperties, FolderSchema.ParentFolderId));
                FindFoldersResults page = service.findFolders(root.getId(),
                        new SearchFilter.IsEqualTo(FolderSchema.FolderClass, "IPF.Appointment"), view);
                pages++;
                for (Folder f : page.getFolders()) {
                    String parent = f.getParentFolderId().getUniqueId().equals(root.getId().getUniqueId()) ? "Calendar"
                            : "sub";
                    seen.add(f.getDisplayName() + " " + f.getTotalCount() + "/" + f.getChildFolderCount() + " in "
                            + parent);
                }
                if (!page.isMoreAvailable()) {
                    break;
                }
                offset = page.getNextPageOffset();
            }
            assertEquals(3, pages);
            assertEquals(List.of("Kurse 3/1 in Calendar", "Sprachen 1/1 in sub", "Französisch 2/0 in sub",
                    "Leer 0/0 in Calendar", "Externe Buchungen 1/0 in Calendar",
                    "Archiv " + Scenarios.TRAINING_ARCHIVE_ITEMS + "/0 in Calendar"), seen);
        }
    }

    private static List<String> rooms(ExchangeService service, String roomList) throws Exception {
        return service.getRooms(new EmailAddress(roomList)).stream()
                .map(a -> a.getName() + " <" + a.getAddress() + ">").toList();
    }

    @Test
    void shouldResolveTheExAddressOfAFindItemOrganizerToItsSmtpAddress() throws Exception {
        try (ExchangeService service = gateway()) {
            Appointment budget = service.findAppointments(new FolderId(WellKnownFolderName.Calendar),
                    new CalendarView(Date.from(DAY.atTime(9, 0).atZone(Scenarios.BERLIN).toInstant()),
                            Date.from(DAY.atTime(9, 30).atZone(Scenarios.BERLIN).toInstant()))).getItems().get(0);
            assertEquals("Budget review", budget.getSubject());
            String legacyDn = budget.getOrganizer().getAddress();
            assertEquals("EX", budget.getOrganizer().getRoutingType());
            assertTrue(legacyDn.startsWith("/o=contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)"
                    + "/cn=Recipients/cn="), legacyDn);

            int before = sim.calls().count("ResolveNames");
            NameResolutionCollection resolved = service.resolveName(legacyDn);
            assertEquals(1, resolved.getCount());
            EmailAddress alex = resolved.nameResolutionCollection(0).getMailbox();
            assertEquals("Alex Wilber <alexw@contoso.com> SMTP Mailbox", alex.getName() + " <" + alex.getAddress()
                    + "> " + alex.getRoutingType() + " " + alex.getMailboxType());
            assertEquals(before + 1, sim.calls().count("ResolveNames"));

            NameResolutionCollection upper = service.resolveName(legacyDn.toUpperCase(Locale.ROOT));
            assertEquals(List.of("alexw@contoso.com"), addresses(upper), "legacy DNs compare case-insensitively");
            assertEquals(0, service.resolveName(legacyDn.substring(0, legacyDn.length() - 2)).getCount(),
                    "a legacy DN resolves only when it matches exactly");
            assertEquals(0, service.resolveName("/o=contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)")
                    .getCount(), "the organization's prefix names nobody");
            assertEquals(before + 4, sim.calls().count("ResolveNames"));
        }
    }

    private static List<String> addresses(NameResolutionCollection resolutions) {
        List<String> out = new ArrayList<>();
        for (NameResolution r : resolutions) {
            out.add(r.getMailbox().getAddress());
        }
        return out;
    }
}
