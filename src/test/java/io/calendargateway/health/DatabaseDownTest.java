package io.calendargateway.health;

import io.calendargateway.error.Problem;
import io.calendargateway.support.OpenApi;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.calendargateway.support.Admin.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The database unreachable for requests (the reactive pool points at a closed port; Flyway still migrated at
 * start-up): {@code /health} answers 503 naming the database check, admin calls a 503 problem, and the service
 * stays ready and live.
 */
@QuarkusTest
@TestProfile(DatabaseDownTest.ReactivePoolUnreachable.class)
@QuarkusTestResource(TestDatabase.class)
class DatabaseDownTest {

    public static class ReactivePoolUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/test",
                    "gateway.health.database-timeout", "1s");
        }
    }

    @Test
    void healthShouldBe503NamingTheDatabase() {
        given().filter(OpenApi.validated())
                .when().get("/health")
                .then().statusCode(503)
                .contentType("application/json")
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'database' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'database' }.data.error", equalTo("connection refused"))
                .body("checks.find { it.name == 'migrations' }.status", equalTo("UP"));
    }

    @Test
    void adminCallsShouldBe503DatabaseUnavailableWithRetryAfter() {
        admin().when().get("/profiles")
                .then().statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", "5")
                .body("type", equalTo("/problems/database-unavailable"))
                .body("title", equalTo("Database unavailable"))
                .body("status", equalTo(503))
                .body("detail", equalTo("The gateway's database does not answer; try again shortly"))
                .body("instance", equalTo("/profiles"));
        admin().body("""
                {"name": "while-down", "kind": "EWS", "serviceUrl": "https://mail.contoso.com/EWS/Exchange.asmx",
                 "auth": {"type": "BASIC", "username": "svc", "password": "pw"}}
                """).when().post("/profiles")
                .then().statusCode(503)
                .header("Retry-After", "5")
                .body("type", equalTo("/problems/database-unavailable"));
    }

    // Kubernetes probes are outside the contract: no validator.
    @Test
    void probesShouldStayUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
