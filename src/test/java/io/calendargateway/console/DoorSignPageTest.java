package io.calendargateway.console;

import io.calendargateway.simulator.CalendarEvent;
import io.calendargateway.simulator.CalendarFolder;
import io.calendargateway.simulator.Outage;
import io.calendargateway.simulator.Scenarios;
import io.calendargateway.support.Browser;
import io.calendargateway.support.Rooms;
import io.calendargateway.support.SimulatorResource;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.calendargateway.support.Admin.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * The reference door-sign page in a real browser, against the simulated Exchange: the training room bound to its
 * empty folder "Leer", which the test fills with a meeting around now and one whose subject is HTML. The room's
 * zone is chosen so that it is about noon there whenever the test runs, so the meetings stay within today.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(SimulatorResource.class)
class DoorSignPageTest {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    private static final String ROOM = "training@contoso.com";
    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private static Browser browser;
    private static CalendarFolder folder;
    private static final List<CalendarEvent> added = new ArrayList<>();
    private static ZoneId zone;
    private static ZonedDateTime meetingEnd;
    private static String profileId;
    private static String deviceId;
    private static String key;
    /** The application's port: REST Assured forgets it after the last test, before {@code @AfterAll}. */
    private static int port;

    /** Once per class, but after the application is up: REST Assured knows its port only from the first test on. */
    @BeforeEach
    void roomWithAMeetingNow() {
        if (browser != null) {
            return;
        }
        port = RestAssured.port;
        browser = Browser.start();
        zone = aboutNoonNow();
        ZonedDateTime now = ZonedDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
        meetingEnd = now.plusMinutes(30);
        folder = SimulatorResource.simulator().scenario().mailbox(ROOM).orElseThrow().calendar().children().stream()
                .filter(f -> f.name().equals("Leer")).findFirst().orElseThrow();
        added.add(CalendarEvent.at("Door sign check-in", now.minusMinutes(30), Duration.ofHours(1))
                .organizer("Megan Bowen", "meganb@contoso.com"));
        added.add(CalendarEvent.at(XSS, now.plusMinutes(60), Duration.ofMinutes(30))
                .organizer("Alex Wilber", "alexw@contoso.com"));
        added.forEach(folder::add);

        profileId = Rooms.profile("svc-gateway", Scenarios.SVC_GATEWAY_PASSWORD);
        Rooms.bind(ROOM, """
                {"profileId": "%s", "folderId": "%s", "timeZone": "%s", "privacy": "SHOW"}"""
                .formatted(profileId, folder.folderId(), zone.getId()));
        var device = admin().body("{\"name\": \"Training room sign\", \"rooms\": [\"" + ROOM + "\"]}")
                .when().post("/devices").then().statusCode(201).extract().jsonPath();
        deviceId = device.getString("id");
        key = device.getString("key");
    }

    @AfterAll
    static void cleanUp() {
        if (browser != null) {
            browser.close();
        }
        if (profileId != null) {
            added.forEach(folder::remove);
            admin().port(port).when().delete("/devices/" + deviceId).then().statusCode(204);
            admin().port(port).when().delete("/profiles/" + profileId + "?force=true").then().statusCode(204);
        }
    }

    @AfterEach
    void network() {
        if (browser != null) {
            browser.unblock();
        }
    }

    @Test
    void shouldShowTheCurrentMeetingAsBusyWithTheKeyTakenOutOfTheAddress() {
        browser.open("/signs/" + ROOM + "#key=" + key);

        browser.awaitText(By.id("state"), "BUSY");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/signs/" + ROOM).doesNotContain(key);
        assertThat(browser.driver().executeScript("return localStorage.getItem('calendarGateway.deviceKey')"))
                .isEqualTo(key);
        assertThat(text("room-name")).isEqualTo("Schulungsraum Köln");
        assertThat(text("current-subject")).isEqualTo("Door sign check-in");
        assertThat(text("current-organizer")).isEqualTo("Megan Bowen");
        assertThat(text("until")).isEqualTo("Busy until " + meetingEnd.format(HH_MM));
        assertThat(text("current-time")).matches("until " + meetingEnd.format(HH_MM) + " · (29|30) min left");
        assertThat(text("clock")).isIn(ZonedDateTime.now(zone).format(HH_MM),
                ZonedDateTime.now(zone).minusMinutes(1).format(HH_MM));
        // the state in colour as well as in words (once the colour's transition is over)
        browser.await(d -> "rgb(179, 38, 30)".equals(browser.driver().executeScript(
                "return getComputedStyle(document.querySelector('.now')).backgroundColor")));

        // the HTML subject is text: no element made of it, nothing run
        String xssStart = meetingEnd.plusMinutes(30).format(HH_MM);
        assertThat(browser.texts(By.cssSelector("#agenda li"))).containsExactly(
                xssStart + "–" + meetingEnd.plusMinutes(60).format(HH_MM) + "\n" + XSS + "\nAlex Wilber");
        assertThat(browser.texts(By.cssSelector("#agenda .what"))).containsExactly(XSS);
        assertThat(browser.driver().findElements(By.tagName("img"))).isEmpty();
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.driver().findElement(By.id("notice")).isDisplayed()).isFalse();

        // the next poll asks with the ETag, gets a 304 and keeps what it shows
        browser.await(d -> browser.driver().executeScript("return performance.getEntriesByType('resource')"
                + ".some(e => e.name.endsWith('/events') && e.responseStatus === 304)"));
        assertThat(text("current-subject")).isEqualTo("Door sign check-in");
        assertThat(browser.texts(By.cssSelector("#agenda .what"))).containsExactly(XSS);

        browser.screenshots("door-sign");
    }

    @Test
    void shouldKeepTheLastScheduleAndSayOfflineWhileTheGatewayCannotBeReached() {
        // the key stored by an earlier visit is enough
        browser.open("/signs/" + ROOM + "#key=" + key);
        browser.awaitText(By.id("state"), "BUSY");
        browser.open("/signs/" + ROOM);
        browser.awaitText(By.id("current-subject"), "Door sign check-in");

        ZonedDateTime blocked = ZonedDateTime.now(zone);
        browser.block("*/rooms/*");
        String notice = notice(Duration.ofSeconds(15));
        assertThat(notice).isIn("Offline since " + blocked.format(HH_MM) + ": showing the last known schedule",
                "Offline since " + blocked.plusMinutes(1).format(HH_MM) + ": showing the last known schedule");
        assertThat(text("state")).isEqualTo("BUSY");
        assertThat(text("current-subject")).isEqualTo("Door sign check-in");
        assertThat(text("until")).isEqualTo("Busy until " + meetingEnd.format(HH_MM));
        assertThat(browser.texts(By.cssSelector("#agenda .what"))).containsExactly(XSS);
        browser.screenshot("door-sign-offline");

        browser.unblock();
        browser.await(d -> !d.findElement(By.id("notice")).isDisplayed());
        assertThat(text("state")).isEqualTo("BUSY");
    }

    @Test
    void shouldSaySinceWhenTheScheduleIsOldWhileExchangeIsDown() {
        browser.open("/signs/" + ROOM + "#key=" + key);
        browser.awaitText(By.id("state"), "BUSY");

        SimulatorResource.simulator().faults().outage(Outage.CONNECTION_REFUSED);
        try {
            // once a refresh has failed, the gateway answers from its cache with stale: true
            String notice = notice(Duration.ofSeconds(40));
            var status = admin().when().get("/rooms/" + ROOM + "/status").then().statusCode(200).extract().jsonPath();
            assertThat(status.getBoolean("stale")).isTrue();
            String fetched = OffsetDateTime.parse(status.getString("fetchedAt")).atZoneSameInstant(zone).format(HH_MM);
            assertThat(notice).isEqualTo("Offline since " + fetched + ": showing the last known schedule");
            assertThat(text("state")).isEqualTo("BUSY");
            assertThat(text("current-subject")).isEqualTo("Door sign check-in");
            assertThat(browser.texts(By.cssSelector("#agenda .what"))).containsExactly(XSS);
        } finally {
            SimulatorResource.simulator().faults().endOutage();
        }
        browser.await(Duration.ofSeconds(40), d -> !d.findElement(By.id("notice")).isDisplayed());
    }

    @Test
    void shouldSpeakGermanAndDrawInBlackAndWhiteForEInk() {
        browser.open("/signs/" + ROOM + "?lang=de&theme=eink#key=" + key);

        browser.awaitText(By.id("state"), "BELEGT");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/signs/" + ROOM + "?lang=de&theme=eink");
        assertThat(text("until")).isEqualTo("Belegt bis " + meetingEnd.format(HH_MM));
        assertThat(text("current-time")).matches("bis " + meetingEnd.format(HH_MM) + " · noch (29|30) Min\\.");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertThat(browser.driver().executeScript("const s = getComputedStyle(document.querySelector('.now'));"
                + "return [s.backgroundColor, s.color, s.transitionDuration].join(' / ')"))
                .isEqualTo("rgb(0, 0, 0) / rgb(255, 255, 255) / 0s");

        browser.screenshots("door-sign-eink");
    }

    @Test
    void shouldSayWhyTheGatewayRefusesTheSign() {
        browser.open("/signs/" + ROOM + "#key=cgdk_not-a-key");
        browser.awaitText(By.id("notice"), "The gateway refused this sign (HTTP 401): The device key is not valid");
        assertThat(text("room-name")).isEqualTo(ROOM);

        browser.open("/signs/room1@contoso.com#key=" + key);
        browser.awaitText(By.id("notice"),
                "The gateway refused this sign (HTTP 403): This device key does not cover this room");
    }

    @Test
    void shouldServeOnePublicPageForEveryRoomWithoutInlineScript() {
        for (String path : List.of("/signs/" + ROOM, "/signs/Nobody@Example.org", "/console")) {
            String page = given().when().get(path).then().statusCode(200).contentType("text/html")
                    .header("Content-Security-Policy", equalTo(CSP))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .extract().asString();
            assertThat(page).doesNotContain("<script>").doesNotContainPattern(" on[a-z]+=");
        }
        given().when().get("/signs/sign.js").then().statusCode(200).contentType("text/javascript")
                .header("Content-Security-Policy", equalTo(CSP));
        given().when().get("/signs/not-an-address").then().statusCode(404);
    }

    /** The notice, once it is shown. */
    private static String notice(Duration patience) {
        return browser.await(patience, d -> {
            var element = d.findElement(By.id("notice"));
            return element.isDisplayed() ? element.getText() : null;
        });
    }

    private static String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    /** A fixed-offset zone where it is between 12:00 and 13:00 now. */
    private static ZoneId aboutNoonNow() {
        int offset = 12 - ZonedDateTime.now(ZoneOffset.UTC).getHour();
        // Etc/GMT zones count the other way round: Etc/GMT-5 is UTC+05:00
        return ZoneId.of(offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
    }
}
