package io.calendargateway.ops;

import io.calendargateway.support.OpenApi;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class MetricsTest {

    // /q/metrics is the Prometheus surface, outside the contract: the validator only checks the /health call.
    @Test
    void shouldExposeRequestMetricsWithoutSecrets() {
        given().filter(OpenApi.validated()).when().get("/health").then().statusCode(200);
        given().filter(OpenApi.validated()).auth().oauth2("test-admin-token").when().get("/profiles")
                .then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(allOf(containsString("http_server_requests_seconds_count"),
                        containsString("uri=\"/health\""), containsString("uri=\"/profiles\""),
                        containsString("jvm_memory_used_bytes")))
                .body(not(containsString("test-admin-token")));
    }
}
