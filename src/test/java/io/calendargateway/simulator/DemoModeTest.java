package io.calendargateway.simulator;

import io.calendargateway.profile.Profile;
import io.calendargateway.support.FirstRun;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.calendargateway.support.Admin.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Demo mode starts the simulated Exchange in-process and creates a working profile for its rooms; autodiscover of
 * the demo domains finds the simulator.
 */
@QuarkusTest
@TestProfile(FirstRun.class)
class DemoModeTest {

    @Inject
    DemoMode demo;

    @Test
    void shouldCreateAWorkingDemoProfile() {
        assertThat(demo.simulator()).isNotNull();
        String id = demo.profile().id.toString();
        admin().when().get("/profiles")
                .then().statusCode(200)
                .body("name", hasItem(DemoMode.PROFILE_NAME));
        admin().when().get("/profiles/" + id)
                .then().statusCode(200)
                .body("serviceUrl", equalTo(demo.simulator().ewsUrl()))
                .body("domains", contains("contoso.com"))
                .body("auth.type", equalTo("NTLM"));
        admin().queryParam("mailbox", "room1@contoso.com").when().post("/profiles/" + id + "/test")
                .then().statusCode(200)
                .body("ok", equalTo(true))
                .body("steps.find { it.name == 'calendarRead' }.status", equalTo("OK"));
    }

    @Test
    void shouldCreateAWorkingGraphDemoProfileForTheSameRooms() {
        String id = demo.graphProfile().id.toString();
        admin().when().get("/profiles/" + id)
                .then().statusCode(200)
                .body("name", equalTo(DemoMode.GRAPH_PROFILE_NAME))
                .body("kind", equalTo("GRAPH"))
                .body("serviceUrl", equalTo(demo.simulator().graphUrl()))
                .body("domains", contains("tailspintoys.com"));
        admin().queryParam("mailbox", "room1@tailspintoys.com").when().post("/profiles/" + id + "/test")
                .then().statusCode(200)
                .body("ok", equalTo(true))
                .body("steps.name", contains("token", "mailboxAccess", "calendarRead"));
        // an unbound room of the profile's domain is served over Graph
        admin().when().get("/rooms/room2@tailspintoys.com/events")
                .then().statusCode(200)
                .body("room.name", equalTo("Room 2"))
                .body("events.subject", contains("Alex Wilber", "Megan Bowen", "Alex Wilber", "Board prep"));
    }

    @Test
    void shouldKeepTheDemoProfileIdWhenStartedAgain() throws Throwable {
        Profile again = VertxContextSupport.subscribeAndAwait(demo::upsertProfile);

        assertThat(again.id).isEqualTo(demo.profile().id);
        assertThat(again.serviceUrl).isEqualTo(demo.simulator().ewsUrl());
    }

    @Test
    void autodiscoverOfADemoRoomShouldFindTheSimulatorAndNoRealHost() {
        JsonPath result = admin().body("{\"email\": \"room1@contoso.com\"}")
                .when().post("/autodiscover")
                .then().statusCode(200)
                .extract().jsonPath();

        assertThat(result.getString("serviceUrl")).isEqualTo(demo.simulator().ewsHttpsUrl());
        assertThat(result.getString("method")).isEqualTo("V2_JSON");
        ExchangeSimulator sim = demo.simulator();
        assertThat(result.getList("attempts.url")).containsExactly(sim.autodiscoverPoxUrl(), sim.autodiscoverSoapUrl(),
                sim.httpBaseUrl() + "/autodiscover/autodiscover.xml",
                sim.autodiscoverV2Url() + "?Email=room1%40contoso.com&Protocol=EWS");
        assertThat(result.getList("attempts.outcome")).containsExactly("HTTP_401", "HTTP_401", "HTTP_401", "OK");
    }

    @Test
    void shouldWriteTheSimulatorCertificateForHttpsDemos() throws IOException {
        assertThat(Files.readString(Path.of(FirstRun.CERTIFICATE_FILE)))
                .isEqualTo(demo.simulator().httpsCertificatePem())
                .startsWith("-----BEGIN CERTIFICATE-----");
    }
}
