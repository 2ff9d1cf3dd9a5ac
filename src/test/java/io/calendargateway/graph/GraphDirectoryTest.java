package io.calendargateway.graph;

import io.calendargateway.support.SimulatorResource;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

        JsonPath people = adminResponseValidated().queryParam("search", "fabrikam ad")
                .when().get("/profiles/" + profileId + "/mailboxes").then().statusCode(200).extract().jsonPath();
        assertThat(people.getList("items")).containsExactly(
                Map.of("mail", "admin@fabrikam.com", "name", "Fabrikam Admin", "type", "USER"));

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
}
