package io.calendargateway.health;

import io.calendargateway.support.Migrations;
import io.calendargateway.support.OpenApi;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;


import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class HealthTest {

    @Test
    void shouldReportUpWithDatabaseCheck() {
        given().filter(OpenApi.validated())
                .when().get("/health")
                .then().statusCode(200)
                .contentType("application/json")
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'migrations' }.data.schemaVersion", equalTo(Migrations.newest()));
    }

    // /q/health/* is the Kubernetes surface, outside the contract: no OpenAPI validator here.
    @Test
    void readinessShouldNotDependOnTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", contains("migrations"))
                .body("checks.name", not(hasItem("database")));
    }

    @Test
    void livenessShouldBeUp() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", not(hasItem("database")));
    }
}
