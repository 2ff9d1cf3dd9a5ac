package io.calendargateway.graph;

import io.calendargateway.simulator.Scenarios;
import io.calendargateway.support.Rooms;
import io.calendargateway.support.SimulatorResource;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.calendargateway.support.Admin.admin;
import static io.calendargateway.support.Admin.adminResponseValidated;
import static org.assertj.core.api.Assertions.assertThat;

/** Room lists, rooms, mailbox search and calendar trees of a GRAPH profile, over Microsoft Graph. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(SimulatorResource.class)
class GraphDirectoryTest {

    private String profileId;

    @BeforeEach
    void createProfile() {
        profileId = GraphRoomsTest.fabrikamProfile();
    }

    @AfterEach
    void deleteProfile() {
        admin().when().delete("/profiles/" + profileId + "?force=true").then().statusCode(204);
    }

    @Test
    void shouldListRoomListsAndTheirRoomsFromPlaces() {
        List<Map<String, Object>> lists = adminResponseValidated().when().get("/profiles/" + profileId + "/room-lists")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(lists).containsExactly(Map.of("mail", "rooms-hq@fabrikam.com", "name", "HQ Rooms"));

        List<Map<String, Object>> rooms = adminResponseValidated().when()
                .get("/profiles/" + profileId + "/room-lists/rooms-hq@fabrikam.com/rooms")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(rooms).containsExactly(Map.of("mail", "meeting-a@fabrikam.com", "name", "Meeting Room A"),
                Map.of("mail", "meeting-b@fabrikam.com", "name", "Meeting Room B"));
        admin().when().get("/profiles/" + profileId + "/room-lists/nolist@fabrikam.com/rooms").then()
                .statusCode(404);
    }

    @Test
    void shouldClassifyRoomsAndPeopleInASearch() {
        JsonPath rooms = adminResponseValidated().queryParam("search", "meeting")
                .when().get("/profiles/" + profileId + "/mailboxes").then().statusCode(200).extract().jsonPath();
        assertThat(rooms.getList("items")).containsExactly(
                Map.of("mail", "meeting-a@fabrikam.com", "name", "Meeting Room A", "type", "ROOM"),
                Map.of("mail", "meeting-b@fabrikam.com", "name", "Meeting Room B", "type", "ROOM"));
        assertThat(rooms.getBoolean("truncated")).isFalse();
        assertThat(rooms.getList("warnings")).isEmpty();

        // fabrikam's app has no MailboxSettings.Read: nobody is asked for a userPurpose that would be refused
        SimulatorResource.simulator().calls().reset();
        JsonPath people = adminResponseValidated().queryParam("search", "fabrikam ad")
                .when().get("/profiles/" + profileId + "/mailboxes").then().statusCode(200).extract().jsonPath();
        assertThat(people.getList("items")).containsExactly(
                Map.of("mail", "admin@fabrikam.com", "name", "Fabrikam Admin", "type", "USER"));
        assertThat(SimulatorResource.simulator().calls().count("mailboxSettings")).isZero();

        JsonPath none = adminResponseValidated().queryParam("search", "zzz")
                .when().get("/profiles/" + profileId + "/mailboxes").then().statusCode(200).extract().jsonPath();
        assertThat(none.getList("items")).isEmpty();
    }

    @Test
    void shouldShowTheDefaultCalendarAsTheRootOfTheTree() {
        JsonPath tree = adminResponseValidated().when()
                .get("/profiles/" + profileId + "/mailboxes/meeting-a@fabrikam.com/calendars")
                .then().statusCode(200).extract().jsonPath();
        assertThat(tree.getString("name")).isEqualTo("Calendar");
        // Fabrikam sync, the weekly series (once), the all-day all-hands, Interview, Focus time, 12 slots
        assertThat(tree.getInt("totalCount")).isEqualTo(17);
        assertThat(tree.getInt("childFolderCount")).isZero();
        assertThat(tree.getList("children")).isEmpty();

        adminResponseValidated().when().get("/profiles/" + profileId + "/mailboxes/nobody@fabrikam.com/calendars")
                .then().statusCode(502)
                .body("code", org.hamcrest.Matchers.equalTo("ErrorInvalidUser"))
                .body("detail", org.hamcrest.Matchers.equalTo("Graph knows no mailbox nobody@fabrikam.com"));
    }

    @Test
    void shouldTellEquipmentApartWithMailboxSettings() {
        String tailspin = GraphRoomsTest.profile(Scenarios.TAILSPIN_TENANT_ID, Scenarios.TAILSPIN_APP,
                Scenarios.TAILSPIN_APP_SECRET);
        try {
            assertThat(search(tailspin, "projector").getList("items")).containsExactly(
                    Map.of("mail", "projector1@tailspintoys.com", "name", "Projector 1", "type", "EQUIPMENT"));
            assertThat(search(tailspin, "jür").getList("items")).containsExactly(
                    Map.of("mail", "juergen.weiss@tailspintoys.com", "name", "Jürgen Weiß", "type", "USER"));
            assertThat(search(tailspin, "room-").getList("items.type")).containsOnly("ROOM").hasSize(3);
        } finally {
            admin().when().delete("/profiles/" + tailspin + "?force=true").then().statusCode(204);
        }
        // without Place.Read.All no mailbox can be told to be a room: the search says what to grant
        String calendarsOnly = GraphRoomsTest.profile(Scenarios.TAILSPIN_TENANT_ID,
                Scenarios.TAILSPIN_APP_CALENDARS_ONLY, Scenarios.TAILSPIN_APP_CALENDARS_ONLY_SECRET);
        try {
            adminResponseValidated().queryParam("search", "projector")
                    .when().get("/profiles/" + calendarsOnly + "/mailboxes").then().statusCode(502)
                    .body("code", org.hamcrest.Matchers.equalTo("ErrorAccessDenied"))
                    .body("hint", org.hamcrest.Matchers.equalTo("Grant the app the Place.Read.All application "
                            + "permission (Microsoft Graph) and admin consent for it."));
        } finally {
            admin().when().delete("/profiles/" + calendarsOnly + "?force=true").then().statusCode(204);
        }
    }

    @Test
    void shouldListAMailboxsCalendarsAsChildrenOfItsDefaultCalendar() {
        String tailspin = GraphRoomsTest.profile(Scenarios.TAILSPIN_TENANT_ID, Scenarios.TAILSPIN_APP,
                Scenarios.TAILSPIN_APP_SECRET);
        try {
            JsonPath tree = adminResponseValidated().when()
                    .get("/profiles/" + tailspin + "/mailboxes/training@tailspintoys.com/calendars")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(tree.getString("name")).isEqualTo("Calendar");
            assertThat(tree.getInt("totalCount")).isEqualTo(2);
            assertThat(tree.getInt("childFolderCount")).isEqualTo(6);
            assertThat(tree.getList("children.name")).containsExactly("Kurse", "Sprachen", "Französisch", "Leer",
                    "Externe Buchungen", "Archiv");
            assertThat(tree.getList("children.totalCount")).containsExactly(3, 1, 2, 0, 1,
                    Scenarios.TRAINING_ARCHIVE_ITEMS);
            assertThat(tree.getList("children.childFolderCount")).containsOnly(0);

            // a calendar of the tree bound as folderId serves that calendar's events
            String kurse = tree.getString("children[0].id");
            Rooms.bind("training@tailspintoys.com", "{\"profileId\": \"" + tailspin + "\", \"folderId\": \""
                    + kurse + "\"}");
            JsonPath events = admin().when().get("/rooms/training@tailspintoys.com/events?from="
                    + LocalDate.now(Scenarios.BERLIN) + "&to=" + LocalDate.now(Scenarios.BERLIN).plusDays(3))
                    .then().statusCode(200).extract().jsonPath();
            assertThat(events.getList("events.subject")).containsExactly("Excel-Grundlagen", "Präsentieren",
                    "Zeitmanagement");
        } finally {
            admin().when().delete("/profiles/" + tailspin + "?force=true").then().statusCode(204);
        }
    }

    private static JsonPath search(String profile, String search) {
        return adminResponseValidated().queryParam("search", search)
                .when().get("/profiles/" + profile + "/mailboxes").then().statusCode(200).extract().jsonPath();
    }
}
