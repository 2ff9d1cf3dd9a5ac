package io.calendargateway.error;

import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.calendargateway.support.Admin.TOKEN;
import static io.calendargateway.support.Admin.adminResponseValidated;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Every error is application/problem+json with type, title, status, detail and instance. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ErrorShapeTest {

    // An unknown path is outside the contract by definition: no OpenAPI validator.
    @Test
    void unknownPathShouldBeProblem404() {
        given().when().get("/nope")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("No resource at /nope"))
                .body("instance", equalTo("/nope"));
    }

    @Test
    void wrongMethodShouldBeProblem405() {
        adminResponseValidated().when().patch("/profiles")
                .then().statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", "GET, HEAD, OPTIONS, POST")
                .body("type", equalTo("/problems/method-not-allowed"))
                .body("title", equalTo("Method Not Allowed"))
                .body("status", equalTo(405))
                .body("detail", equalTo("Method not allowed on /profiles"))
                .body("instance", equalTo("/profiles"));
        adminResponseValidated().when().get("/profiles/" + UUID.randomUUID() + "/test")
                .then().statusCode(405)
                .header("Allow", "OPTIONS, POST");
    }

    // OPTIONS is outside the contract: JAX-RS answers it for every path (which is why Allow lists it).
    @Test
    void optionsShouldListTheMethodsOfAPath() {
        given().when().options("/profiles")
                .then().statusCode(200)
                .header("Allow", allOf(containsString("GET"), containsString("POST"), containsString("OPTIONS")));
    }

    @Test
    void malformedJsonShouldBeProblem400() {
        adminResponseValidated().body("{\"name\": \"x\", \"kind\": ")
                .when().post("/profiles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"))
                .body("detail", containsString("Malformed JSON at line 1"));
    }

    @Test
    void wrongTypeAndUnknownFieldShouldName400() {
        adminResponseValidated().body("{\"name\": \"x\", \"kind\": \"EXCHANGE\", \"auth\": {\"type\": \"BASIC\"}}")
                .when().post("/profiles")
                .then().statusCode(400)
                .body("detail", equalTo("Field 'kind' has an invalid value; allowed: EWS, GRAPH"));
        adminResponseValidated().body("{\"name\": \"x\", \"kind\": \"EWS\", \"auth\": {\"type\": \"KERBEROS\"}}")
                .when().post("/profiles")
                .then().statusCode(400)
                .body("detail", equalTo("Field 'auth.type' has an invalid value; allowed: BASIC, NTLM, "
                        + "OAUTH2_CLIENT_CREDENTIALS, OAUTH2_PASSWORD"));
        adminResponseValidated().body("{\"name\": \"x\", \"kind\": \"EWS\", \"pasword\": \"p\", \"auth\": {\"type\": \"BASIC\"}}")
                .when().post("/profiles")
                .then().statusCode(400)
                .body("detail", equalTo("Unknown field 'pasword'"));
    }

    @Test
    void beanValidationShouldBe400NamingFields() {
        adminResponseValidated().body("{\"name\": \"\", \"auth\": {}}")
                .when().post("/profiles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Validation failed"))
                .body("errors.field", contains("auth.type", "kind", "name"))
                .body("detail", equalTo("Invalid fields: auth.type, kind, name"));
    }

    @Test
    void emptyBodyShouldBe400() {
        adminResponseValidated().when().post("/profiles")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unsupportedMediaTypeShouldBeProblem415() {
        given().filter(io.calendargateway.support.OpenApi.responseValidated()).auth().oauth2(TOKEN)
                .contentType("text/plain").body("hello")
                .when().post("/profiles")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    // The failing endpoint exists only in tests and is not part of the contract: no validator.
    @Test
    void unexpectedFailureShouldBe500WithoutInternals() {
        given().when().get("/test-only/failure")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("title", equalTo("Internal Server Error"))
                .body("detail", equalTo("The request could not be completed; the gateway log has the details"))
                .body(not(allOf(containsString("IllegalStateException"))))
                .body(not(containsString("hunter2")))
                .body(not(containsString("at io.calendargateway")));
    }
}
