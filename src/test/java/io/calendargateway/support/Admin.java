package io.calendargateway.support;

import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Requests as an administrator, checked against the contract. */
public final class Admin {

    /** The first admin token of the test profile (application.properties, %test). */
    public static final String TOKEN = "test-admin-token";

    private Admin() {
    }

    public static RequestSpecification admin() {
        return given().filter(OpenApi.validated()).header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json");
    }

    /** For requests that break the contract on purpose: only the response is validated. */
    public static RequestSpecification adminResponseValidated() {
        return given().filter(OpenApi.responseValidated()).header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json");
    }
}
