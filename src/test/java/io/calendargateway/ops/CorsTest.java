package io.calendargateway.ops;

import io.calendargateway.support.OpenApi;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * CORS for browser-based door signs, switched on as an operator would (GATEWAY_CORS_ENABLED,
 * GATEWAY_CORS_ORIGINS). Preflight requests are answered by the HTTP layer, outside the contract: no validator.
 */
@QuarkusTest
@TestProfile(CorsTest.CorsOn.class)
@QuarkusTestResource(TestDatabase.class)
class CorsTest {

    public static class CorsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.enabled", "true",
                    "quarkus.http.cors.origins", "https://signs.example.com");
        }
    }

    @Test
    void preflightShouldAllowTheDoorSignHeaders() {
        given().header("Origin", "https://signs.example.com")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization,x-api-key,if-none-match")
                .when().options("/health")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://signs.example.com"))
                .header("Access-Control-Allow-Headers", allOf(containsString("Authorization"),
                        containsString("X-Api-Key"), containsString("If-None-Match")));
    }

    @Test
    void responsesShouldExposeEtagAndAge() {
        given().filter(OpenApi.responseValidated()).header("Origin", "https://signs.example.com")
                .when().get("/health")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://signs.example.com"))
                .header("Access-Control-Expose-Headers", allOf(containsString("ETag"), containsString("Age")));
    }

    // The HTTP layer's CORS filter refuses other origins itself (403, no body) before any endpoint runs, so this
    // answer is outside the contract: no validator.
    @Test
    void otherOriginsShouldNotBeAllowed() {
        given().header("Origin", "https://evil.example.net")
                .when().get("/health")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
