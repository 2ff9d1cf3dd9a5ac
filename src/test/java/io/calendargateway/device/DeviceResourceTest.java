package io.calendargateway.device;

import io.calendargateway.support.OpenApi;
import io.calendargateway.support.Rooms;
import io.calendargateway.support.SimulatorResource;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.calendargateway.support.Admin.admin;
import static io.calendargateway.support.Admin.adminResponseValidated;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Device keys: shown once, stored as digests, scoped to rooms, revoked at once. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(SimulatorResource.class)
class DeviceResourceTest {

    private static boolean profiled;

    @BeforeEach
    void profile() {
        if (!profiled) {
            Rooms.contosoProfile();
            profiled = true;
        }
    }

    @Test
    void shouldShowTheKeyOnceAndStoreOnlyItsDigest() throws Exception {
        JsonPath created = admin().body("""
                {"name": "Lobby tablet", "rooms": ["Room1@Contoso.com", "*@fabrikam.com", "room1@contoso.com"]}""")
                .when().post("/devices").then().statusCode(201)
                .body("name", equalTo("Lobby tablet"))
                .body("rooms", contains("room1@contoso.com", "*@fabrikam.com"))
                .body("lastSeenAt", equalTo(null))
                .extract().jsonPath();
        String key = created.getString("key");
        String id = created.getString("id");
        assertThat(key).startsWith("cgdk_").hasSize(5 + 43);
        assertThat(created.getString("keyPrefix")).isEqualTo(key.substring(0, 11));

        Map<String, String> row = TestDatabase.row("SELECT * FROM device_key WHERE id = '" + id + "'");
        assertThat(row.get("key_sha256")).isEqualTo(DeviceKeys.sha256(key)).doesNotContain(key.substring(5));
        assertThat(row.values()).noneMatch(value -> value != null && value.contains(key));

        admin().when().get("/devices").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.name", equalTo("Lobby tablet"))
                .body("find { it.id == '" + id + "' }.key", equalTo(null));

        // the key reads its rooms, and its first use is remembered
        given().filter(OpenApi.validated()).header("X-Api-Key", key).when().get("/rooms/room1@contoso.com/events")
                .then().statusCode(200);
        for (int i = 0; i < 50 && TestDatabase.row("SELECT last_seen_at FROM device_key WHERE id = '" + id + "'")
                .get("last_seen_at") == null; i++) {
            Thread.sleep(100);
        }
        admin().when().get("/devices").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.lastSeenAt", not(equalTo(null)));

        admin().when().delete("/devices/" + id).then().statusCode(204);
        adminResponseValidated().when().delete("/devices/" + id).then().statusCode(404);
        admin().when().get("/devices").then().statusCode(200).body("id", not(hasItem(id)));
        given().filter(OpenApi.responseValidated()).header("X-Api-Key", key)
                .when().get("/rooms/room1@contoso.com/events").then().statusCode(401)
                .body("detail", equalTo("The device key is not valid"));
    }

    @Test
    void shouldRefuseInvalidDeviceRequests() {
        adminResponseValidated().body("{\"name\": \"x\", \"rooms\": [\"room1@contoso.com\", \"not a room\", \"*\"]}")
                .when().post("/devices").then().statusCode(400)
                .body("errors.field", contains("rooms[1]", "rooms[2]"));
        adminResponseValidated().body("{\"name\": \" \", \"rooms\": []}").when().post("/devices").then()
                .statusCode(400).body("errors.field", contains("name", "rooms"));
    }
}
