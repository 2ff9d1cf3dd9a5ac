package io.calendargateway.directory;

import io.calendargateway.simulator.CalendarFolder;
import io.calendargateway.simulator.ExchangeSimulator;
import io.calendargateway.simulator.Scenarios;
import io.calendargateway.support.Rooms;
import io.calendargateway.support.SimulatorResource;
import io.calendargateway.support.TestDatabase;
import io.calendargateway.upstream.Hints;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.calendargateway.support.Admin.admin;
import static io.calendargateway.support.Admin.adminResponseValidated;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** Mailbox search, room lists and calendar folder trees through the API, against the simulated Exchange. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(SimulatorResource.class)
class DirectoryResourceTest {

    private static final LocalDate D = LocalDate.now(Scenarios.BERLIN);
    private static final String TRAINING_TREE = "Calendar 2/4 [Kurse 3/1 [Sprachen 1/1 [Französisch 2/0]], Leer 0/0, "
            + "Externe Buchungen 1/0, Archiv " + Scenarios.TRAINING_ARCHIVE_ITEMS + "/0]";
    private static String contoso;

    @BeforeEach
    void profile() {
        if (contoso == null) {
            contoso = Rooms.profile("svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD);
        }
    }

    private static ExchangeSimulator sim() {
        return SimulatorResource.simulator();
    }

    private static JsonPath search(String profile, String query) {
        return admin().queryParam("search", query).when().get("/profiles/" + profile + "/mailboxes").then()
                .statusCode(200).extract().jsonPath();
    }

    private static List<String> items(JsonPath answer) {
        return answer.getList("items", Map.class).stream()
                .map(m -> m.get("name") + " <" + m.get("mail") + "> " + m.get("type")).toList();
    }

    @Test
    void shouldClassifySearchHitsByTheProfilesRoomLists() {
        JsonPath rooms = search(contoso, "room");
        assertThat(items(rooms)).containsExactly("Board Room <boardroom@contoso.com> ROOM",
                "Building 1 Rooms <building1@contoso.com> OTHER", "Building 2 Rooms <building2@contoso.com> OTHER",
                "Building 3 Rooms <building3@contoso.com> OTHER", "Busy Room <room-busy@contoso.com> ROOM",
                "Room 1 <room1@contoso.com> ROOM", "Room 2 <room2@contoso.com> ROOM", "Room 3 <room3@contoso.com> ROOM",
                "Room Mumbai <room-in@contoso.com> ROOM", "Room NY <room-ny@contoso.com> ROOM");
        assertThat(rooms.getBoolean("truncated")).isFalse();
        assertThat(rooms.getList("warnings")).isEmpty();
        assertThat(items(search(contoso, "alex"))).containsExactly("Alex Wilber <alexw@contoso.com> USER");
        // EWS cannot tell equipment from people
        assertThat(items(search(contoso, "projector"))).containsExactly("Projector 1 <projector1@contoso.com> USER");
        assertThat(items(search(contoso, "Jürgen"))).containsExactly("Jürgen Weiß <juergen.weiss@contoso.com> USER");
        assertThat(items(search(contoso, "köln"))).containsExactly("Schulungsraum Köln <training@contoso.com> ROOM");

        JsonPath miss = search(contoso, "zzz-nobody");
        assertThat(miss.getList("items")).isEmpty();
        assertThat(miss.getBoolean("truncated")).isFalse();
    }

    @Test
    void shouldLimitAndSayWhenTruncated() {
        JsonPath three = admin().queryParam("search", "room").queryParam("limit", 3).when()
                .get("/profiles/" + contoso + "/mailboxes").then().statusCode(200).extract().jsonPath();
        assertThat(items(three)).containsExactly("Board Room <boardroom@contoso.com> ROOM",
                "Building 1 Rooms <building1@contoso.com> OTHER", "Building 2 Rooms <building2@contoso.com> OTHER");
        assertThat(three.getBoolean("truncated")).isTrue();

        JsonPath defaults = search(contoso, "contoso");
        assertThat(defaults.getList("items")).hasSize(50);
        assertThat(defaults.getString("items[0].name")).isEqualTo("Contoso User 001");
        assertThat(defaults.getBoolean("truncated")).isTrue();
        // ResolveNames stops at 100 of the 110 users
        JsonPath all = admin().queryParam("search", "contoso").queryParam("limit", 100).when()
                .get("/profiles/" + contoso + "/mailboxes").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("items")).hasSize(100);
        assertThat(all.getString("items[99].name")).isEqualTo("Contoso User 100");
        assertThat(all.getBoolean("truncated")).isTrue();
    }

    @Test
    void shouldRefuseBadSearchesUnknownProfilesAndForeignCredentials() {
        String path = "/profiles/" + contoso + "/mailboxes";
        adminResponseValidated().when().get(path).then().statusCode(400).body("errors.field", contains("search"));
        adminResponseValidated().queryParam("search", "  ").when().get(path).then().statusCode(400)
                .body("errors.field", contains("search"));
        for (String limit : List.of("101", "0", "many")) {
            adminResponseValidated().queryParam("search", "room").queryParam("limit", limit).when().get(path).then()
                    .statusCode(400).body("errors.field", contains("limit"));
        }
        String unknown = "/profiles/" + UUID.randomUUID();
        admin().queryParam("search", "room").when().get(unknown + "/mailboxes").then().statusCode(404);
        admin().when().get(unknown + "/room-lists").then().statusCode(404);
        admin().when().get(unknown + "/mailboxes/room1@contoso.com/calendars").then().statusCode(404);
        admin().when().get("/profiles/" + contoso + "/mailboxes/not-an-address/calendars").then().statusCode(400);

        given().when().get("/profiles/" + contoso + "/room-lists").then().statusCode(401);
        String key = admin().body("{\"name\": \"directory-sign\", \"rooms\": [\"*@contoso.com\"]}")
                .when().post("/devices").then().statusCode(201).extract().path("key");
        given().header("X-Api-Key", key).when().get("/profiles/" + contoso + "/room-lists").then().statusCode(403);
    }

    @Test
    void shouldListBothRoomListsWithExactlyTheirRoomsReadingThemOnceWithTheReadPath() {
        String profile = Rooms.profile("svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD);
        int before = sim().calls().count("GetRoomLists");
        JsonPath lists = admin().when().get("/profiles/" + profile + "/room-lists").then().statusCode(200)
                .extract().jsonPath();
        assertThat(lists.getList("", Map.class).stream().map(m -> m.get("name") + " <" + m.get("mail") + ">"))
                .containsExactly("Building 1 Rooms <building1@contoso.com>", "Building 2 Rooms <building2@contoso.com>",
                        "Building 3 Rooms <building3@contoso.com>");
        assertThat(rooms(profile, "building1@contoso.com")).containsExactly("Room 1 <room1@contoso.com>",
                "Room 2 <room2@contoso.com>", "Board Room <boardroom@contoso.com>");
        assertThat(rooms(profile, "Building2@Contoso.com")).containsExactly("Room 3 <room3@contoso.com>",
                "Room NY <room-ny@contoso.com>", "Room Mumbai <room-in@contoso.com>");
        assertThat(rooms(profile, "building3@contoso.com")).containsExactly("Busy Room <room-busy@contoso.com>",
                "Schulungsraum Köln <training@contoso.com>");
        admin().when().get("/profiles/" + profile + "/room-lists/nolist@contoso.com/rooms").then().statusCode(404)
                .body("detail", containsString("nolist@contoso.com"));
        // the search's classification and the read path's room check use the same lists
        assertThat(items(search(profile, "room 1"))).containsExactly("Room 1 <room1@contoso.com> ROOM");
        Rooms.bind("room2@contoso.com", "{\"profileId\": \"" + profile + "\"}");
        admin().when().delete("/rooms/room2@contoso.com").then().statusCode(204);
        assertThat(sim().calls().count("GetRoomLists") - before).isEqualTo(1);

        admin().queryParam("refresh", true).when().get("/profiles/" + profile + "/room-lists").then().statusCode(200);
        assertThat(sim().calls().count("GetRoomLists") - before).isEqualTo(2);
    }

    private static List<String> rooms(String profile, String list) {
        return admin().when().get("/profiles/" + profile + "/room-lists/" + list + "/rooms").then().statusCode(200)
                .extract().jsonPath().getList("", Map.class).stream()
                .map(m -> m.get("name") + " <" + m.get("mail") + ">").toList();
    }

    @Test
    void shouldBuildTheExactFolderTreeFromPagesAndCacheIt() {
        int before = sim().calls().count("FindFolder", "training@contoso.com");
        JsonPath tree = tree(contoso, "Training@Contoso.com");
        assertThat(shape(tree.getMap(""))).isEqualTo(TRAINING_TREE);
        // six folders in pages of two (gateway.directory.folder-page-size in tests)
        assertThat(sim().calls().count("FindFolder", "training@contoso.com") - before).isEqualTo(3);
        CalendarFolder calendar = sim().scenario().mailbox("training@contoso.com").orElseThrow().calendar();
        assertThat(tree.getString("id")).isEqualTo(calendar.folderId());
        assertThat(tree.getString("children[0].children[0].children[0].id"))
                .isEqualTo(calendar.children().get(0).children().get(0).children().get(0).folderId());
        assertThat(tree.getList("children[1].children")).isEmpty();

        tree(contoso, "training@contoso.com");
        assertThat(sim().calls().count("FindFolder", "training@contoso.com") - before).isEqualTo(3);
        admin().queryParam("refresh", true).when().get("/profiles/" + contoso + "/mailboxes/training@contoso.com"
                + "/calendars").then().statusCode(200);
        assertThat(sim().calls().count("FindFolder", "training@contoso.com") - before).isEqualTo(6);

        assertThat(shape(tree(contoso, "boardroom@contoso.com").getMap("")))
                .isEqualTo("Calendar 2/2 [Projects 3/1 [Archive 1/0], Holidays 2/0]");
        assertThat(shape(tree(contoso, "room2@contoso.com").getMap(""))).isEqualTo("Calendar 4/0");
    }

    @Test
    void shouldServeTheEventsOfASubFolderBoundFromTheTree() {
        String french = tree(contoso, "training@contoso.com").getString("children[0].children[0].children[0].id");
        Rooms.bind("training@contoso.com", """
                {"profileId": "%s", "folderId": "%s", "privacy": "SHOW"}""".formatted(contoso, french));
        try {
            JsonPath events = admin().when().get("/rooms/training@contoso.com/events").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(events.getList("events.subject")).containsExactly("Französisch A1");
            assertThat(events.getString("events[0].start"))
                    .isEqualTo(D.atTime(14, 0).atZone(Scenarios.BERLIN)
                            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")));
        } finally {
            admin().when().delete("/rooms/training@contoso.com").then().statusCode(204);
        }
    }

    @Test
    void shouldNameTheMailboxAndTheFixWhenAccessFails() {
        adminResponseValidated().when().get("/profiles/" + contoso + "/mailboxes/alexw@contoso.com/calendars").then()
                .statusCode(502).body("code", equalTo("ErrorImpersonateUserDenied"))
                .body("detail", equalTo("The service account may not impersonate alexw@contoso.com (no "
                        + "ApplicationImpersonation role whose scope includes it)"))
                .body("hint", equalTo(Hints.IMPERSONATION_DENIED));
        adminResponseValidated().when().get("/profiles/" + contoso + "/mailboxes/nobody@contoso.com/calendars").then()
                .statusCode(502).body("code", equalTo("ErrorNonExistentMailbox"))
                .body("detail", equalTo("Exchange knows no mailbox nobody@contoso.com"))
                .body("hint", equalTo(Hints.NO_MAILBOX));
    }

    @Test
    void shouldReadTreesThroughDelegateAccess() {
        String delegate = admin().body("""
                {"name": "directory-delegate-%s", "kind": "EWS", "serviceUrl": "%s", "access": "DELEGATE",
                 "auth": {"type": "NTLM", "username": "svc-delegate", "password": "%s", "domain": "CONTOSO"}}
                """.formatted(UUID.randomUUID(), sim().ewsUrl(), Scenarios.SVC_DELEGATE_PASSWORD))
                .when().post("/profiles").then().statusCode(201).extract().path("id");
        assertThat(shape(tree(delegate, "training@contoso.com").getMap(""))).isEqualTo(TRAINING_TREE);
        adminResponseValidated().when().get("/profiles/" + delegate + "/mailboxes/room3@contoso.com/calendars").then()
                .statusCode(502).body("code", equalTo("ErrorAccessDenied"))
                .body("detail", equalTo("The service account has no delegate access to room3@contoso.com "
                        + "(FullAccess or folder rights)"))
                .body("hint", equalTo(Hints.DELEGATE_DENIED));
        // the directory needs no mailbox of the service account's own
        assertThat(items(search(delegate, "alex"))).containsExactly("Alex Wilber <alexw@contoso.com> USER");
    }

    @Test
    void shouldImpersonateTheAutodiscoverMailboxForAppOnlyProfiles() {
        String body = """
                {"name": "directory-app-%s", "kind": "EWS", "serviceUrl": "%s", "tenantId": "%s",%s
                 "auth": {"type": "OAUTH2_CLIENT_CREDENTIALS", "clientId": "%s", "clientSecret": "%s",
                          "tokenUrl": "%s"}}""";
        String app = admin().body(body.formatted(UUID.randomUUID(), sim().ewsUrl(), Scenarios.FABRIKAM_TENANT_ID,
                        " \"autodiscoverEmail\": \"meeting-a@fabrikam.com\",", Scenarios.FABRIKAM_APP_CONSENTED,
                        Scenarios.FABRIKAM_APP_CONSENTED_SECRET, sim().tokenUrl(Scenarios.FABRIKAM_TENANT_ID)))
                .when().post("/profiles").then().statusCode(201).extract().path("id");
        int before = sim().calls().count("ResolveNames", "meeting-a@fabrikam.com");
        assertThat(items(search(app, "meeting"))).containsExactly("Meeting Room A <meeting-a@fabrikam.com> ROOM",
                "Meeting Room B <meeting-b@fabrikam.com> ROOM");
        assertThat(sim().calls().count("ResolveNames", "meeting-a@fabrikam.com") - before).isEqualTo(1);
        assertThat(rooms(app, "rooms-hq@fabrikam.com")).containsExactly("Meeting Room A <meeting-a@fabrikam.com>",
                "Meeting Room B <meeting-b@fabrikam.com>");
        assertThat(shape(tree(app, "meeting-b@fabrikam.com").getMap(""))).isEqualTo("Calendar 1/0");

        String anchorless = admin().body(body.formatted(UUID.randomUUID(), sim().ewsUrl(),
                        Scenarios.FABRIKAM_TENANT_ID, "", Scenarios.FABRIKAM_APP_CONSENTED,
                        Scenarios.FABRIKAM_APP_CONSENTED_SECRET, sim().tokenUrl(Scenarios.FABRIKAM_TENANT_ID)))
                .when().post("/profiles").then().statusCode(201).extract().path("id");
        admin().when().get("/profiles/" + anchorless + "/room-lists").then().statusCode(400)
                .body("errors.field", contains("autodiscoverEmail"));
        admin().queryParam("search", "meeting").when().get("/profiles/" + anchorless + "/mailboxes").then()
                .statusCode(400).body("errors.field", contains("autodiscoverEmail"));
    }

    @Test
    void shouldWarnWhenTheOrganisationHasNoRoomList() {
        String litware = admin().body("""
                {"name": "directory-litware-%s", "kind": "EWS", "serviceUrl": "%s",
                 "auth": {"type": "NTLM", "username": "svc-directory", "password": "%s", "domain": "LITWARE"}}
                """.formatted(UUID.randomUUID(), sim().ewsUrl(), Scenarios.LITWARE_PASSWORD))
                .when().post("/profiles").then().statusCode(201).extract().path("id");
        admin().when().get("/profiles/" + litware + "/room-lists").then().statusCode(200).body("", empty());
        JsonPath answer = search(litware, "l");
        assertThat(items(answer)).containsExactly("Lee Gu <lee@litware.com> USER", "Lobby <lobby@litware.com> USER");
        assertThat(answer.getList("warnings.code")).containsExactly("NO_ROOM_LISTS");
        assertThat(answer.getString("warnings[0].hint")).isEqualTo("Create a room list (New-DistributionGroup -Name "
                + "<name> -RoomList), then add the room mailboxes to it (Add-DistributionGroupMember -Identity <list> "
                + "-Member <room>).");
    }

    private static JsonPath tree(String profile, String mailbox) {
        return admin().when().get("/profiles/" + profile + "/mailboxes/" + mailbox + "/calendars").then()
                .statusCode(200).extract().jsonPath();
    }

    /** "Name total/childFolders [children...]", depth first. */
    @SuppressWarnings("unchecked")
    static String shape(Map<String, Object> node) {
        List<Map<String, Object>> children = (List<Map<String, Object>>) node.get("children");
        String own = node.get("name") + " " + node.get("totalCount") + "/" + node.get("childFolderCount");
        return children.isEmpty() ? own : own + " [" + children.stream().map(DirectoryResourceTest::shape)
                .collect(Collectors.joining(", ")) + "]";
    }
}
