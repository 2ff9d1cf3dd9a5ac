package io.calendargateway.simulator;

import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.calendargateway.support.Admin.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Demo mode starts the simulated Exchange in-process and creates a working profile for its rooms. */
@QuarkusTest
@TestProfile(DemoModeTest.DemoOn.class)
@QuarkusTestResource(TestDatabase.class)
class DemoModeTest {

    public static class DemoOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.demo.enabled", "true", "gateway.demo.port", "0", "gateway.demo.https-port", "-1");
        }
    }

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
}
