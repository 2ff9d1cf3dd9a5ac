package io.calendargateway.error;

import io.calendargateway.support.OpenApi;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class AdminAuthTest {

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
}
