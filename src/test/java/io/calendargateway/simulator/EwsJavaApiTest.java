package io.calendargateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.property.LegacyFreeBusyStatus;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.search.FolderTraversal;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceRequestException;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.service.folder.CalendarFolder;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.enumeration.service.calendar.AppointmentType;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.Mailbox;
import microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence;
import microsoft.exchange.webservices.data.search.CalendarView;
import microsoft.exchange.webservices.data.search.FindFoldersResults;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.FolderView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ews-java-api 2.0 (what the gateway uses) against the simulator's EWS: NTLM and Basic, impersonation and
 * delegate access, calendar views with recurrence, folders, and the faults real servers send.
 */
class EwsJavaApiTest {

    /** A Wednesday before Berlin's 2026 DST change (29 March). */
    static final LocalDate DAY = LocalDate.of(2026, 3, 18);

    static ExchangeSimulator sim;

    @BeforeAll
    static void start() {
        sim = ExchangeSimulator.start(Scenarios.defaultScenario(DAY));
    }

    @AfterAll
    static void stop() {
        try {
            int validated = SchemaSupport.assertEwsTrafficValid(sim);
            System.out.println("EWS schema validation: " + validated + " bodies validated");
        } finally {
            sim.close();
        }
    }

    @AfterEach
    void resetFaults() {
        sim.faults().reset();
    }

    static ExchangeService gatewayAs(String mailbox) {
        return EwsClients.impersonating(sim.ewsUrl(), "CONTOSO", "svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD,
                mailbox);
    }

    static CalendarView day(LocalDate d) {
        return new CalendarView(Date.from(d.atStartOfDay(Scenarios.BERLIN).toInstant()),
                Date.from(d.plusDays(1).atStartOfDay(Scenarios.BERLIN).toInstant()));
    }

    static String utc(Date d) {
        return d.toInstant().toString();
    }

    @Test
    void shouldReadTodaysRoomCalendarOverNtlmWithImpersonation() throws Exception {
        int mark = sim.captured().size();
        try (ExchangeService service = gatewayAs("room1@contoso.com")) {
            FindItemsResults<Appointment> result = service.findAppointments(
                    new FolderId(WellKnownFolderName.Calendar), day(DAY));
            List<String> got = result.getItems().stream()
                    .map(a -> uncheck(() -> a.getSubject() + "@" + utc(a.getStart()) + "-" + utc(a.getEnd())))
                    .toList();
            assertEquals(List.of(
                    "Daily stand-up@2026-03-18T07:30:00Z-2026-03-18T07:45:00Z",
                    "Budget review@2026-03-18T08:00:00Z-2026-03-18T09:00:00Z",
                    "Quick sync@2026-03-18T08:00:00Z-2026-03-18T08:30:00Z",
                    "Vendor demo@2026-03-18T09:30:00Z-2026-03-18T10:00:00Z",
                    "Salary talk@2026-03-18T11:00:00Z-2026-03-18T11:30:00Z",
                    "Canceled: Team lunch@2026-03-18T11:30:00Z-2026-03-18T12:30:00Z",
                    "Weekly planning@2026-03-18T13:00:00Z-2026-03-18T14:00:00Z",
                    "Coffee corner open@2026-03-18T14:00:00Z-2026-03-18T14:30:00Z",
                    "Merger discussion@2026-03-18T15:00:00Z-2026-03-18T16:00:00Z",
                    "Maintenance@2026-03-18T16:00:00Z-2026-03-18T17:00:00Z",
                    "Remote session@2026-03-18T17:00:00Z-2026-03-18T17:30:00Z"), got);
            assertEquals(11, result.getTotalCount());
            assertFalse(result.isMoreAvailable());
            Appointment standup = result.getItems().get(0);
            assertEquals(AppointmentType.Occurrence, standup.getAppointmentType());
            Appointment budget = result.getItems().get(1);
            assertEquals(AppointmentType.Single, budget.getAppointmentType());
            assertEquals("EX", budget.getOrganizer().getRoutingType());
            assertTrue(budget.getOrganizer().getAddress().startsWith(
                    "/o=contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn="),
                    budget.getOrganizer().getAddress());
            assertEquals("Alex Wilber", budget.getOrganizer().getName());
            Appointment lunch = result.getItems().get(5);
            assertTrue(lunch.getIsCancelled());
            assertEquals(LegacyFreeBusyStatus.Free, lunch.getLegacyFreeBusyStatus());
            assertEquals(LegacyFreeBusyStatus.Tentative, result.getItems().get(3).getLegacyFreeBusyStatus());
            assertEquals(LegacyFreeBusyStatus.OOF, result.getItems().get(9).getLegacyFreeBusyStatus());
            // Exchange2010_SP2 requests cannot see WorkingElsewhere: it arrives as Free
            assertEquals(LegacyFreeBusyStatus.Free, result.getItems().get(10).getLegacyFreeBusyStatus());
            assertEquals("Private", result.getItems().get(4).getSensitivity().name());
            assertEquals("Confidential", result.getItems().get(8).getSensitivity().name());
        }
        List<String> schemes = sim.captured().stream().skip(mark)
                .map(e -> e.authScheme() + " " + e.status()).toList();
        assertEquals(List.of("null 401", "NTLM 401", "NTLM 200"), schemes);
    }

    @Test
    void shouldRejectWrongPasswordThroughNtlm() {
        int mark = sim.captured().size();
        int before = sim.calls().count("FindItem");
        try (ExchangeService service = EwsClients.impersonating(sim.ewsUrl(), "CONTOSO", "svc-gateway",
                "wrong-password", "room1@contoso.com")) {
            ServiceRequestException e = assertThrows(ServiceRequestException.class,
                    () -> service.findAppointments(new FolderId(WellKnownFolderName.Calendar), day(DAY)));
            assertTrue(e.getMessage().contains("401"), e.getMessage());
        }
        List<String> schemes = sim.captured().stream().skip(mark).map(e -> e.authScheme() + " " + e.status())
                .toList();
        assertEquals(List.of("null 401", "NTLM 401", "NTLM 401"), schemes);
        assertEquals(before, sim.calls().count("FindItem"), "a rejected request never reaches the operation");
    }

    @Test
    void shouldAuthenticateWithBasicWhenOnlyBasicIsOffered() throws Exception {
        try (ExchangeSimulator basicOnly = ExchangeSimulator.start(Scenarios.defaultScenario(DAY),
                SimulatorOptions.defaults().ewsAuthSchemes("Basic"));
                ExchangeService service = EwsClients.impersonating(basicOnly.ewsUrl(), "CONTOSO", "svc-gateway",
                        Scenarios.SVC_GATEWAY_PASSWORD, "room2@contoso.com")) {
            FindItemsResults<Appointment> result = service.findAppointments(
                    new FolderId(WellKnownFolderName.Calendar), day(DAY));
            assertEquals(List.of("Alex Wilber", "Megan Bowen", "Alex Wilber", "Board prep"),
                    result.getItems().stream().map(a -> uncheck(a::getSubject)).toList());
            assertEquals(List.of("null 401", "Basic 200"), basicOnly.captured().stream()
                    .map(e -> e.authScheme() + " " + e.status()).toList());
        }
    }

    @Test
    void shouldExpandSeriesWithModifiedAndDeletedOccurrences() throws Exception {
        try (ExchangeService service = gatewayAs("room1@contoso.com")) {
            CalendarView view = new CalendarView(
                    Date.from(DAY.minusDays(1).atStartOfDay(Scenarios.BERLIN).toInstant()),
                    Date.from(DAY.plusDays(4).atStartOfDay(Scenarios.BERLIN).toInstant()));
            List<Appointment> standups = service.findAppointments(new FolderId(WellKnownFolderName.Calendar), view)
                    .getItems().stream().filter(a -> uncheck(a::getSubject).startsWith("Daily stand-up")).toList();
            assertEquals(List.of(
                    "Daily stand-up Occurrence 2026-03-17T07:30:00Z",
                    "Daily stand-up Occurrence 2026-03-18T07:30:00Z",
                    "Daily stand-up (moved) Exception 2026-03-19T08:15:00Z",
                    "Daily stand-up Occurrence 2026-03-21T07:30:00Z"),
                    standups.stream().map(a -> uncheck(() -> a.getSubject() + " " + a.getAppointmentType() + " "
                            + utc(a.getStart()))).toList());
            List<String> ids = standups.stream().map(a -> uncheck(() -> a.getId().getUniqueId())).toList();
            assertEquals(4, ids.stream().distinct().count(), "each occurrence has its own id");
            assertEquals(1, standups.stream().map(a -> uncheck(a::getICalUid)).distinct().count(),
                    "occurrences share the series UID");

            Appointment master = Appointment.bindToRecurringMaster(service, standups.get(0).getId());
            assertEquals(AppointmentType.RecurringMaster, master.getAppointmentType());
            assertTrue(master.getRecurrence() instanceof Recurrence.DailyPattern);
            assertEquals(Integer.valueOf(21), master.getRecurrence().getNumberOfOccurrences());
            assertEquals(List.of("2026-03-19T07:30:00Z", "2026-03-22T07:30:00Z"), List.of(
                    utc(master.getModifiedOccurrences().getPropertyAtIndex(0).getOriginalStart()),
                    utc(master.getModifiedOccurrences().getPropertyAtIndex(1).getOriginalStart())),
                    "D+1 moved, D+4 with a new subject only");
            assertEquals(2, master.getModifiedOccurrences().getCount());
            assertEquals(1, master.getDeletedOccurrences().getCount());
            assertEquals("2026-03-20T07:30:00Z", utc(master.getDeletedOccurrences().getPropertyAtIndex(0).getOriginalStart()));
        }
    }

    @Test
    void shouldPutAllDayEventsAtLocalMidnightInUtc() throws Exception {
        try (ExchangeService service = gatewayAs("room1@contoso.com")) {
            CalendarView view = new CalendarView(
                    Date.from(DAY.plusDays(3).atStartOfDay(Scenarios.BERLIN).toInstant()),
                    Date.from(DAY.plusDays(8).atStartOfDay(Scenarios.BERLIN).toInstant()));
            List<Appointment> allDay = service.findAppointments(new FolderId(WellKnownFolderName.Calendar), view)
                    .getItems().stream().filter(a -> uncheck(a::getIsAllDayEvent)).toList();
            assertEquals(List.of("Company holiday 2026-03-20T23:00:00Z 2026-03-21T23:00:00Z",
                    "Offsite 2026-03-22T23:00:00Z 2026-03-25T23:00:00Z"),
                    allDay.stream().map(a -> uncheck(() -> a.getSubject() + " " + utc(a.getStart()) + " "
                            + utc(a.getEnd()))).toList());
        }
    }

    @Test
    void shouldKeepLocalTimeAcrossBerlinDstChange() throws Exception {
        try (ExchangeService service = gatewayAs("room1@contoso.com")) {
            CalendarView view = new CalendarView(Date.from(Instant.parse("2026-03-14T00:00:00Z")),
                    Date.from(Instant.parse("2026-04-13T00:00:00Z")));
            List<String> starts = service.findAppointments(new FolderId(WellKnownFolderName.Calendar), view)
                    .getItems().stream().filter(a -> uncheck(a::getSubject).equals("Berlin DST weekly"))
                    .map(a -> uncheck(() -> utc(a.getStart()))).toList();
            assertEquals(List.of("2026-03-15T09:00:00Z", "2026-03-22T09:00:00Z", "2026-03-29T08:00:00Z",
                    "2026-04-05T08:00:00Z", "2026-04-12T08:00:00Z"), starts);
        }
    }

    @Test
    void shouldHonourMaxEntriesReturnedAndFindCountLimits() throws Exception {
        try (ExchangeService service = gatewayAs("room1@contoso.com")) {
            CalendarView view = day(DAY);
            view.setMaxItemsReturned(3);
            FindItemsResults<Appointment> r = service.findAppointments(new FolderId(WellKnownFolderName.Calendar), view);
            assertEquals(3, r.getItems().size());
            assertEquals(11, r.getTotalCount());
            assertTrue(r.isMoreAvailable());
        }
        try (ExchangeService service = gatewayAs("room3@contoso.com")) {
            CalendarView year = new CalendarView(Date.from(DAY.minusDays(180).atStartOfDay(Scenarios.BERLIN).toInstant()),
                    Date.from(DAY.plusDays(185).atStartOfDay(Scenarios.BERLIN).toInstant()));
            ServiceResponseException e = assertThrows(ServiceResponseException.class,
                    () -> service.findAppointments(new FolderId(WellKnownFolderName.Calendar), year));
            assertEquals(ServiceError.ErrorExceededFindCountLimit, e.getErrorCode());
            CalendarView oneDay = day(DAY);
            assertEquals(List.of("Morning block", "Midday block", "Afternoon block"), service.findAppointments(
                    new FolderId(WellKnownFolderName.Calendar), oneDay).getItems().stream()
                    .map(a -> uncheck(a::getSubject)).toList());
            CalendarView threeYears = new CalendarView(Date.from(Instant.parse("2026-01-01T00:00:00Z")),
                    Date.from(Instant.parse("2029-01-01T00:00:00Z")));
            ServiceResponseException tooBig = assertThrows(ServiceResponseException.class,
                    () -> service.findAppointments(new FolderId(WellKnownFolderName.Calendar), threeYears));
            assertEquals(ServiceError.ErrorCalendarViewRangeTooBig, tooBig.getErrorCode());
        }
    }

    @Test
    void shouldRefuseOrTruncateAMonthOfTheBusyRoom() throws Exception {
        try (ExchangeService service = gatewayAs("room-busy@contoso.com")) {
            CalendarView month = new CalendarView(Date.from(DAY.atStartOfDay(Scenarios.BERLIN).toInstant()),
                    Date.from(DAY.plusDays(31).atStartOfDay(Scenarios.BERLIN).toInstant()));
            ServiceResponseException e = assertThrows(ServiceResponseException.class,
                    () -> service.findAppointments(new FolderId(WellKnownFolderName.Calendar), month));
            assertEquals(ServiceError.ErrorExceededFindCountLimit, e.getErrorCode());

            month.setMaxItemsReturned(1000);
            int mark = sim.captured().size();
            FindItemsResults<Appointment> capped = service.findAppointments(
                    new FolderId(WellKnownFolderName.Calendar), month);
            assertEquals(1000, capped.getItems().size());
            assertEquals(1240, capped.getTotalCount());
            assertTrue(capped.isMoreAvailable());
            Appointment first = capped.getItems().get(0);
            assertEquals("Slot 08:00 Occurrence 2026-03-18T07:00:00Z-2026-03-18T07:15:00Z", first.getSubject() + " "
                    + first.getAppointmentType() + " " + utc(first.getStart()) + "-" + utc(first.getEnd()));
            assertEquals("Slot 17:45", capped.getItems().get(39).getSubject());
            List<String> roots = sim.captured().stream().skip(mark).filter(x -> x.status() == 200)
                    .map(x -> x.responseBody().replaceAll("(?s).*(<m:RootFolder [^>]*>).*", "$1")).toList();
            assertEquals(List.of("<m:RootFolder TotalItemsInView=\"1240\" IncludesLastItemInRange=\"false\">"),
                    roots);
        }
    }

    /** The simulator's own answer (not ews-java-api's parsing of 2.6 MB) stays fast: best of three. */
    @Test
    void shouldAnswerAMonthOfTheBusyRoomWellUnderASecond() throws Exception {
        String findItem = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:t=\"" + Xml.TYPES
                + "\" xmlns:m=\"" + Xml.MESSAGES + "\"><s:Header><t:RequestServerVersion Version=\"Exchange2010_SP2\"/>"
                + "<t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>room-busy@contoso.com</t:SmtpAddress>"
                + "</t:ConnectingSID></t:ExchangeImpersonation></s:Header><s:Body><m:FindItem Traversal=\"Shallow\">"
                + "<m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape>"
                + "<m:CalendarView MaxEntriesReturned=\"1000\" StartDate=\""
                + DAY.atStartOfDay(Scenarios.BERLIN).toInstant() + "\" EndDate=\""
                + DAY.plusDays(31).atStartOfDay(Scenarios.BERLIN).toInstant() + "\"/>"
                + "<m:ParentFolderIds><t:DistinguishedFolderId Id=\"calendar\"/></m:ParentFolderIds></m:FindItem>"
                + "</s:Body></s:Envelope>";
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            var response = Http.postXml(sim.ewsUrl(), findItem, "Authorization",
                    Http.basic("CONTOSO\\svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD));
            best = Math.min(best, (System.nanoTime() - started) / 1_000_000);
            assertEquals(200, response.statusCode());
            assertEquals(1000, response.body().split("<t:CalendarItem>", -1).length - 1);
        }
        System.out.println("room-busy, 31 days, MaxEntriesReturned=1000: best of three " + best + " ms");
        assertTrue(best < 1000, "a 31-day view of the busy room took " + best + " ms");
    }

    @Test
    void shouldGiveSmtpOrganizerOnGetItem() throws Exception {
        try (ExchangeService service = gatewayAs("room1@contoso.com")) {
            Appointment budget = service.findAppointments(new FolderId(WellKnownFolderName.Calendar), day(DAY))
                    .getItems().get(1);
            Appointment bound = Appointment.bind(service, budget.getId());
            assertEquals("Budget review", bound.getSubject());
            assertEquals("SMTP", bound.getOrganizer().getRoutingType());
            assertEquals("alexw@contoso.com", bound.getOrganizer().getAddress());
            assertEquals("Room 1", bound.getLocation());
        }
    }

    @Test
    void shouldDescribeCalendarFolderAndSubFolders() throws Exception {
        try (ExchangeService service = gatewayAs("boardroom@contoso.com")) {
            CalendarFolder calendar = CalendarFolder.bind(service, WellKnownFolderName.Calendar);
            assertEquals("Calendar", calendar.getDisplayName());
            assertEquals(2, calendar.getTotalCount());
            assertEquals(2, calendar.getChildFolderCount());

            FolderView deep = new FolderView(100);
            deep.setTraversal(FolderTraversal.Deep);
            FindFoldersResults all = service.findFolders(WellKnownFolderName.Calendar, deep);
            assertEquals(List.of("Projects 3/1", "Archive 1/0", "Holidays 2/0"), all.getFolders().stream()
                    .map(f -> uncheck(() -> f.getDisplayName() + " " + f.getTotalCount() + "/"
                            + f.getChildFolderCount())).toList());
            assertEquals(3, all.getTotalCount());
            assertTrue(all.getFolders().stream().allMatch(f -> uncheck(f::getFolderClass).equals("IPF.Appointment")));

            FolderView page = new FolderView(2, 1);
            page.setTraversal(FolderTraversal.Deep);
            FindFoldersResults second = service.findFolders(WellKnownFolderName.Calendar, page);
            assertEquals(List.of("Archive", "Holidays"), second.getFolders().stream()
                    .map(f -> uncheck(f::getDisplayName)).toList());
            assertFalse(second.isMoreAvailable());
            assertEquals(Integer.valueOf(3), second.getNextPageOffset() == null ? Integer.valueOf(3)
                    : second.getNextPageOffset());

            FindFoldersResults shallow = service.findFolders(WellKnownFolderName.Calendar, new FolderView(10));
            assertEquals(List.of("Projects", "Holidays"), shallow.getFolders().stream()
                    .map(f -> uncheck(f::getDisplayName)).toList());

            Folder projects = shallow.getFolders().get(0);
            FindFoldersResults archive = service.findFolders(projects.getId(), new FolderView(10));
            assertEquals("Archive", archive.getFolders().get(0).getDisplayName());
            FindItemsResults<Appointment> inProjects = service.findAppointments(projects.getId(), day(DAY));
            assertEquals(List.of("Project kickoff"), inProjects.getItems().stream()
                    .map(a -> uncheck(a::getSubject)).toList());
        }
    }

    @Test
    void shouldDenyImpersonationOutsideTheRoleScope() {
        try (ExchangeService service = gatewayAs("alexw@contoso.com")) {
            Exception e = assertThrows(Exception.class,
                    () -> service.findAppointments(new FolderId(WellKnownFolderName.Calendar), day(DAY)));
            assertEquals(ServiceError.ErrorImpersonateUserDenied, EwsClients.responseException(e).getErrorCode());
        }
        try (ExchangeService service = EwsClients.impersonating(sim.ewsUrl(), "CONTOSO", "svc-noaccess",
                Scenarios.SVC_NOACCESS_PASSWORD, "room1@contoso.com")) {
            Exception e = assertThrows(Exception.class,
                    () -> service.findAppointments(new FolderId(WellKnownFolderName.Calendar), day(DAY)));
            assertEquals(ServiceError.ErrorImpersonateUserDenied, EwsClients.responseException(e).getErrorCode());
        }
    }

    @Test
    void shouldReportNonExistentMailboxAsFaultViaImpersonationAndAsErrorViaDelegate() {
        try (ExchangeService service = gatewayAs("nobody@contoso.com")) {
            Exception e = assertThrows(Exception.class,
                    () -> service.findAppointments(new FolderId(WellKnownFolderName.Calendar), day(DAY)));
            ServiceResponseException sre = EwsClients.responseException(e);
            assertEquals(ServiceError.ErrorNonExistentMailbox, sre.getErrorCode());
            assertEquals("nobody@contoso.com", sre.getResponse().getErrorDetails().get("SmtpAddress"));
        }
        try (ExchangeService service = EwsClients.ntlm(sim.ewsUrl(), "CONTOSO", "svc-delegate",
                Scenarios.SVC_DELEGATE_PASSWORD)) {
            ServiceResponseException e = assertThrows(ServiceResponseException.class,
                    () -> service.findAppointments(new FolderId(WellKnownFolderName.Calendar,
                            new Mailbox("nobody@contoso.com")), day(DAY)));
            assertEquals(ServiceError.ErrorNonExistentMailbox, e.getErrorCode());
        }
    }

    @Test
    void shouldReadRoomsThroughDelegateAccess() throws Exception {
        try (ExchangeService service = EwsClients.ntlm(sim.ewsUrl(), "CONTOSO", "svc-delegate",
                Scenarios.SVC_DELEGATE_PASSWORD)) {
            FindItemsResults<Appointment> r = service.findAppointments(new FolderId(WellKnownFolderName.Calendar,
                    new Mailbox("room2@contoso.com")), day(DAY));
            assertEquals(4, r.getTotalCount());
            ServiceResponseException denied = assertThrows(ServiceResponseException.class,
                    () -> service.findAppointments(new FolderId(WellKnownFolderName.Calendar,
                            new Mailbox("room3@contoso.com")), day(DAY)));
            assertEquals(ServiceError.ErrorAccessDenied, denied.getErrorCode());
            ServiceResponseException noMailbox = assertThrows(ServiceResponseException.class,
                    () -> service.findAppointments(new FolderId(WellKnownFolderName.Calendar), day(DAY)));
            assertEquals(ServiceError.ErrorMissingEmailAddress, noMailbox.getErrorCode());
        }
        assertTrue(sim.calls().count("FindItem", "room2@contoso.com") >= 1);
    }

    @Test
    void shouldThrottleWithAndWithoutBackOff() {
        sim.faults().throttle("CONTOSO\\svc-gateway", true);
        try (ExchangeService service = gatewayAs("room1@contoso.com")) {
            Exception e = assertThrows(Exception.class,
                    () -> service.findAppointments(new FolderId(WellKnownFolderName.Calendar), day(DAY)));
            ServiceResponseException sre = EwsClients.responseException(e);
            assertEquals(ServiceError.ErrorServerBusy, sre.getErrorCode());
            assertEquals("30000", sre.getResponse().getErrorDetails().get("BackOffMilliseconds"));
        }
        sim.faults().throttle("CONTOSO\\svc-gateway", false);
        try (ExchangeService service = gatewayAs("room1@contoso.com")) {
            Exception e = assertThrows(Exception.class,
                    () -> service.findAppointments(new FolderId(WellKnownFolderName.Calendar), day(DAY)));
            ServiceResponseException sre = EwsClients.responseException(e);
            assertEquals(ServiceError.ErrorServerBusy, sre.getErrorCode());
            assertNull(sre.getResponse().getErrorDetails().get("BackOffMilliseconds"));
            assertEquals("MaxConcurrency", sre.getResponse().getErrorDetails().get("Policy"));
        }
    }

    @Test
    void shouldThrottleAboveTheAccountsConcurrencyLimit() throws Exception {
        sim.faults().latency("FindItem", java.time.Duration.ofMillis(400));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    try (ExchangeService service = EwsClients.impersonating(sim.ewsUrl(), "CONTOSO", "svc-limited",
                            Scenarios.SVC_LIMITED_PASSWORD, "room1@contoso.com")) {
                        service.findAppointments(new FolderId(WellKnownFolderName.Calendar), day(DAY));
                        return "ok";
                    } catch (Exception e) {
                        return String.valueOf(EwsClients.responseException(e).getErrorCode());
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            outcomes.sort(String::compareTo);
            assertEquals(List.of("ErrorServerBusy", "ok"), outcomes);
        } finally {
            pool.shutdownNow();
        }
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    static <T> T uncheck(ThrowingSupplier<T> s) {
        try {
            return s.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
