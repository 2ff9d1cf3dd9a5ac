package io.calendargateway.security;

import io.calendargateway.support.Admin;
import io.calendargateway.support.OpenApi;
import io.calendargateway.support.Rooms;
import io.calendargateway.support.SimulatorResource;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(SimulatorResource.class)
class AccessFilterTest {

    @Test
    void adminEndpointWithoutTokenShouldBe401WithChallenge() {
        given().filter(OpenApi.responseValidated())
                .when().get("/profiles")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"calendar-gateway\""))
                .contentType("application/problem+json")
                .body("title", equalTo("Unauthorized"))
                .body("detail", equalTo("An admin token is required: send Authorization: Bearer <token>"));
    }

    @Test
    void adminEndpointWithWrongTokenShouldBe401() {
        given().filter(OpenApi.responseValidated()).auth().oauth2("test-admin-tokenX")
                .when().get("/profiles")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"calendar-gateway\""))
                .body("detail", equalTo("The admin token is not valid"));
        given().filter(OpenApi.responseValidated()).auth().preemptive().basic("admin", "test-admin-token")
                .when().get("/profiles")
                .then().statusCode(401);
    }

    @Test
    void everyConfiguredTokenShouldBeAccepted() {
        given().filter(OpenApi.validated()).auth().oauth2("second-admin-token")
                .when().get("/profiles")
                .then().statusCode(200);
    }

    @Test
    void healthShouldStayOpen() {
        given().filter(OpenApi.validated()).when().get("/health").then().statusCode(200);
    }

    /** Every operation of the served contract: 401 without a credential and with a wrong one, unless it is public. */
    @Test
    void shouldRefuseEveryNonPublicOperationOfTheContractWithoutCredential() {
        String deviceKey = Admin.admin().body("{\"name\": \"Walker\", \"rooms\": [\"*@contoso.com\"]}")
                .when().post("/devices").then().statusCode(201).extract().path("key");
        String document = given().accept("application/yaml").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Map<String, Map<String, Object>> paths = new Yaml().<Map<String, Map<String, Map<String, Object>>>>load(document)
                .get("paths");
        List<String> publicOperations = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        paths.forEach((template, operations) -> operations.forEach((method, value) -> {
            if (!Set.of("get", "post", "put", "delete").contains(method)) {
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> operation = (Map<String, Object>) value;
            String path = template.replace("{id}", UUID.randomUUID().toString()).replace("{mail}", "room1@contoso.com");
            String name = method.toUpperCase() + " " + template;
            if (List.of().equals(operation.get("security"))) {
                publicOperations.add(name);
                return;
            }
            for (String credential : new String[] {null, "not-a-known-token"}) {
                var request = given().contentType("application/json").body("{}");
                if (credential != null) {
                    request.auth().oauth2(credential);
                }
                Response response = request.request(method, path);
                assertThat(response.statusCode()).as(name + " with credential " + credential).isEqualTo(401);
                assertThat(response.header("WWW-Authenticate")).as(name).isEqualTo("Bearer realm=\"calendar-gateway\"");
                assertThat(response.contentType()).as(name).startsWith("application/problem+json");
            }
            boolean deviceRoute = String.valueOf(operation.get("security")).contains("deviceKey");
            if (!deviceRoute) {
                Response withKey = given().contentType("application/json").body("{}").header("X-Api-Key", deviceKey)
                        .request(method, path);
                assertThat(withKey.statusCode()).as(name + " with a device key").isEqualTo(403);
            }
            checked.add(name);
        }));
        assertThat(publicOperations).containsExactly("GET /health");
        assertThat(checked).contains("GET /profiles", "POST /profiles", "PUT /profiles/{id}", "DELETE /profiles/{id}",
                "POST /profiles/{id}/test", "POST /autodiscover", "POST /secrets/re-encrypt", "GET /rooms",
                "GET /rooms/{mail}", "PUT /rooms/{mail}", "DELETE /rooms/{mail}", "GET /rooms/{mail}/events",
                "GET /rooms/{mail}/status", "GET /devices", "POST /devices", "DELETE /devices/{id}");
    }

    @Test
    void shouldKeepProbesMetricsAndContractOpen() {
        for (String path : List.of("/q/health/live", "/q/health/ready", "/q/health/started", "/q/metrics",
                "/q/openapi")) {
            given().when().get(path).then().statusCode(200);
        }
    }

    /** For each device route: 401 without or with an unknown key, 403 outside the key's rooms, 200 inside. */
    @Test
    void shouldCheckDeviceKeysOnDeviceRoutesBeforeAnyNotFound() {
        Rooms.contosoProfile();
        String key = Admin.admin().body("{\"name\": \"Room 1 sign\", \"rooms\": [\"room1@contoso.com\", \"ghost@contoso.com\"]}")
                .when().post("/devices").then().statusCode(201).extract().path("key");
        String domainKey = Admin.admin().body("{\"name\": \"All of contoso\", \"rooms\": [\"*@contoso.com\"]}")
                .when().post("/devices").then().statusCode(201).extract().path("key");
        for (String route : List.of("events", "status")) {
            String room1 = "/rooms/room1@contoso.com/" + route;
            String room2 = "/rooms/room2@contoso.com/" + route;
            given().filter(OpenApi.responseValidated()).when().get(room1).then().statusCode(401)
                    .header("WWW-Authenticate", equalTo("Bearer realm=\"calendar-gateway\""))
                    .body("detail", equalTo("A device key is required: send X-Api-Key: <key> (or an admin token)"));
            given().filter(OpenApi.responseValidated()).header("X-Api-Key", "cgdk_unknown").when().get(room1)
                    .then().statusCode(401).body("detail", equalTo("The device key is not valid"));
            given().filter(OpenApi.responseValidated()).header("X-Api-Key", key).when().get(room2).then()
                    .statusCode(403).contentType("application/problem+json")
                    .body("detail", equalTo("This device key does not cover this room"));
            // checked before the room is looked up: an unknown room outside the key is 403, not 404
            given().filter(OpenApi.responseValidated()).header("X-Api-Key", key)
                    .when().get("/rooms/nobody@example.org/" + route).then().statusCode(403);
            given().filter(OpenApi.responseValidated()).header("X-Api-Key", key)
                    .when().get("/rooms/ghost@contoso.com/" + route).then().statusCode(404);
            given().filter(OpenApi.validated()).header("X-Api-Key", key).when().get(room1).then().statusCode(200);
            given().filter(OpenApi.validated()).header("X-Api-Key", key).when().get("/rooms/ROOM1@contoso.com/" + route)
                    .then().statusCode(200);
            given().filter(OpenApi.validated()).header("Authorization", "Bearer " + key).when().get(room1).then()
                    .statusCode(200);
            given().filter(OpenApi.validated()).header("X-Api-Key", domainKey).when().get(room2).then()
                    .statusCode(200);
            given().filter(OpenApi.validated()).header("Authorization", "Bearer " + Admin.TOKEN).when().get(room2)
                    .then().statusCode(200);
        }
    }

    /** A device key never opens an admin route, whichever header carries it. */
    @Test
    void shouldRefuseDeviceKeysOnAdminRoutes() {
        String key = Admin.admin().body("{\"name\": \"Curious sign\", \"rooms\": [\"*@contoso.com\"]}")
                .when().post("/devices").then().statusCode(201).extract().path("key");
        for (String[] route : List.of(new String[] {"GET", "/profiles"}, new String[] {"GET", "/devices"},
                new String[] {"POST", "/devices"}, new String[] {"GET", "/rooms"},
                new String[] {"GET", "/rooms/room1@contoso.com"}, new String[] {"PUT", "/rooms/room1@contoso.com"},
                new String[] {"POST", "/secrets/re-encrypt"})) {
            given().header("X-Api-Key", key).contentType("application/json").body("{}")
                    .request(route[0], route[1]).then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("A device key cannot call admin endpoints"));
            given().header("Authorization", "Bearer " + key).contentType("application/json").body("{}")
                    .request(route[0], route[1]).then().statusCode(403);
        }
    }
}
