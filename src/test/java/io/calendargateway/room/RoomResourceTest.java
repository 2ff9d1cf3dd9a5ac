package io.calendargateway.room;

import io.calendargateway.simulator.CalendarFolder;
import io.calendargateway.support.Rooms;
import io.calendargateway.support.SimulatorResource;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static io.calendargateway.support.Admin.admin;
import static io.calendargateway.support.Admin.adminResponseValidated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** Room bindings: create, replace with If-Match, read, list, delete, and what they refuse. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(SimulatorResource.class)
class RoomResourceTest {

    private static final LocalDate D = LocalDate.now(io.calendargateway.simulator.Scenarios.BERLIN);
    private static String profileId;

    @BeforeEach
    void profile() {
        if (profileId == null) {
            profileId = Rooms.contosoProfile();
        }
    }

    @Test
    void shouldCreateReplaceAndDeleteABindingWithETags() {
        ExtractableResponse<Response> created = admin().body("""
                {"profileId": "%s", "displayName": "Board Room (Floor 3)", "privacy": "SHOW"}""".formatted(profileId))
                .when().put("/rooms/BoardRoom@Contoso.com").then().statusCode(201)
                .header("Location", endsWith("/rooms/boardroom@contoso.com"))
                .header("ETag", matchesPattern("\"boardroom@contoso.com-0-[0-9a-z]+\""))
                .body("mail", equalTo("boardroom@contoso.com"))
                .body("bound", equalTo(true))
                .body("name", equalTo("Board Room (Floor 3)"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("privacy", equalTo("SHOW"))
                .body("folderId", equalTo(null))
                .extract();
        try {
            admin().body("{\"profileId\": \"" + profileId + "\"}").when().put("/rooms/boardroom@contoso.com")
                    .then().statusCode(428);
            admin().header("If-Match", "\"boardroom@contoso.com-0\"").body("{\"profileId\": \"" + profileId + "\"}")
                    .when().put("/rooms/boardroom@contoso.com").then().statusCode(412);
            admin().header("If-Match", created.header("ETag")).body("""
                    {"profileId": "%s", "timeZone": "Europe/London"}""".formatted(profileId))
                    .when().put("/rooms/boardroom@contoso.com").then().statusCode(200)
                    .header("ETag", matchesPattern("\"boardroom@contoso.com-1-[0-9a-z]+\""))
                    .body("name", equalTo("Board Room"))
                    .body("timeZone", equalTo("Europe/London"))
                    .body("privacy", equalTo("MASK_PRIVATE"));
            admin().when().get("/rooms/BOARDROOM@contoso.com").then().statusCode(200)
                    .header("ETag", matchesPattern("\"boardroom@contoso.com-1-[0-9a-z]+\""))
                    .body("version", equalTo(1));
            admin().when().get("/rooms").then().statusCode(200).body("mail", hasItem("boardroom@contoso.com"));
            assertThat(RoomEventsResourceTest.events("boardroom@contoso.com", "").getString("room.timeZone"))
                    .isEqualTo("Europe/London");
        } finally {
            admin().when().delete("/rooms/boardroom@contoso.com").then().statusCode(204);
        }
        adminResponseValidated().when().delete("/rooms/boardroom@contoso.com").then().statusCode(404);
        admin().when().get("/rooms").then().statusCode(200).body("mail", not(hasItem("boardroom@contoso.com")));
        // unbound again, but still a confirmed room of the profile's domain
        admin().when().get("/rooms/boardroom@contoso.com").then().statusCode(200).body("bound", equalTo(false))
                .body("name", equalTo("Board Room"));
    }

    @Test
    void shouldServeAReCreatedBindingWithItsNewPrivacyAndANewETag() {
        String first = admin().body("{\"profileId\": \"" + profileId + "\", \"privacy\": \"SHOW\"}")
                .when().put("/rooms/room1@contoso.com").then().statusCode(201).extract().header("ETag");
        try {
            assertThat(RoomEventsResourceTest.events("room1@contoso.com", "").getList("events.subject"))
                    .contains("Budget review");
            admin().when().delete("/rooms/room1@contoso.com").then().statusCode(204);
            String second = admin().body("{\"profileId\": \"" + profileId + "\", \"privacy\": \"BUSY_ONLY\"}")
                    .when().put("/rooms/room1@contoso.com").then().statusCode(201).extract().header("ETag");
            assertThat(second).isNotEqualTo(first);
            assertThat(RoomEventsResourceTest.events("room1@contoso.com", "").getList("events.subject"))
                    .containsOnlyNulls();
            adminResponseValidated().header("If-Match", first).body("{\"profileId\": \"" + profileId + "\"}")
                    .when().put("/rooms/room1@contoso.com").then().statusCode(412);
        } finally {
            admin().when().delete("/rooms/room1@contoso.com").then().statusCode(204);
        }
    }

    @Test
    void shouldRefuseAnIfMatchOnAMissingBindingAndInvalidRequests() {
        for (String ifMatch : new String[] {"\"room3@contoso.com-0\"", "*"}) {
            adminResponseValidated().header("If-Match", ifMatch)
                    .body("{\"profileId\": \"" + profileId + "\"}").when().put("/rooms/room3@contoso.com")
                    .then().statusCode(412);
        }
        adminResponseValidated().body("{\"profileId\": \"" + UUID.randomUUID() + "\"}")
                .when().put("/rooms/room3@contoso.com").then().statusCode(400)
                .body("errors.field", contains("profileId"));
        adminResponseValidated().body("{\"profileId\": \"not-a-uuid\", \"timeZone\": \"Mars/Olympus\"}")
                .when().put("/rooms/room3@contoso.com").then().statusCode(400)
                .body("errors.field", contains("profileId", "timeZone"));
        adminResponseValidated().body("{\"profileId\": \"" + profileId + "\"}")
                .when().put("/rooms/room3-at-contoso.com").then().statusCode(400)
                .body("detail", equalTo("'room3-at-contoso.com' is not a mail address"));
        adminResponseValidated().body("{\"profileId\": \"" + profileId + "\", \"privacy\": \"SECRET\"}")
                .when().put("/rooms/room3@contoso.com").then().statusCode(400);
        adminResponseValidated().body("{}").when().put("/rooms/room3@contoso.com").then().statusCode(400)
                .body("errors.field", contains("profileId"));
        adminResponseValidated().when().get("/rooms/room3@contoso.com").then().statusCode(200)
                .body("bound", equalTo(false));
    }

    @Test
    void shouldServeTheBoundCalendarFolder() {
        CalendarFolder projects = SimulatorResource.simulator().scenario().mailbox("boardroom@contoso.com")
                .orElseThrow().calendar().children().stream().filter(f -> f.name().equals("Projects")).findFirst()
                .orElseThrow();
        Rooms.bind("boardroom@contoso.com", """
                {"profileId": "%s", "folderId": "%s"}""".formatted(profileId, projects.folderId()));
        try {
            JsonPath today = RoomEventsResourceTest.events("boardroom@contoso.com", "");
            assertThat(today.getList("events.subject")).containsExactly("Project kickoff");
            assertThat(today.getString("events[0].start")).isEqualTo(RoomEventsResourceTest.berlin(D, 15, 0));
        } finally {
            admin().when().delete("/rooms/boardroom@contoso.com").then().statusCode(204);
        }
        assertThat(RoomEventsResourceTest.events("boardroom@contoso.com", "").getList("events.subject"))
                .containsExactly("Board meeting");
    }

    @Test
    void shouldRefuseToDeleteAProfileWithBoundRoomsUnlessForced() throws InterruptedException {
        String other = Rooms.profile("svc-admin", io.calendargateway.simulator.Scenarios.SVC_ADMIN_PASSWORD);
        Rooms.bind("room-in@contoso.com", "{\"profileId\": \"" + other + "\"}");
        adminResponseValidated().when().delete("/profiles/" + other).then().statusCode(409)
                .body("detail", equalTo("1 room(s) are bound to this profile (room-in@contoso.com): delete their "
                        + "bindings, or delete with ?force=true to remove them too"));
        admin().when().get("/rooms/room-in@contoso.com").then().statusCode(200).body("bound", equalTo(true));
        admin().when().delete("/profiles/" + other + "?force=true").then().statusCode(204);
        // the bindings went with the profile, in the database; this replica hears of it within a second
        boolean bound = true;
        for (int i = 0; i < 50 && bound; i++) {
            bound = admin().when().get("/rooms/room-in@contoso.com").then().statusCode(200).extract().path("bound");
            Thread.sleep(20);
        }
        admin().when().get("/rooms/room-in@contoso.com").then().statusCode(200).body("bound", equalTo(false))
                .body("profileId", equalTo(profileId));
    }
}
