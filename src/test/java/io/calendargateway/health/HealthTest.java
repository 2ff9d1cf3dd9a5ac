package io.calendargateway.health;

import io.calendargateway.support.OpenApi;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class HealthTest {

    @Test
    void shouldReportUpWithDatabaseCheck() throws IOException {
        given().filter(OpenApi.validated())
                .when().get("/health")
                .then().statusCode(200)
                .contentType("application/json")
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'migrations' }.data.schemaVersion", equalTo(newestMigration()));
    }

    /** The version of the newest migration script: the schema must be at it. */
    private static String newestMigration() throws IOException {
        try (Stream<Path> scripts = Files.list(Path.of("src/main/resources/db/migration"))) {
            return String.valueOf(scripts.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow());
        }
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
