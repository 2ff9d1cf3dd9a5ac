package io.calendargateway.support;

import io.restassured.RestAssured;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.abort;

/**
 * A headless Chromium for the tests of the console and the door-sign page, driven by Selenium: the system's
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} ({@code -Dgateway.test.chromium},
 * {@code -Dgateway.test.chromedriver} point elsewhere), never a browser or driver that Selenium Manager would
 * download. One per test class: {@link #start()} in {@code @BeforeAll}, {@link #close()} in {@code @AfterAll}.
 * Without the binaries the tests skip and say so in the build output; CI installs them ({@code .ci/run}).
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("gateway.test.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("gateway.test.chromedriver",
            "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh browser (own profile directory, English, 1280x800), or the calling test class skipped. */
    public static Browser start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String line = "SKIPPED browser tests: " + CHROMIUM + " or " + CHROMEDRIVER + " is absent. Install them "
                    + "(apt-get install chromium chromium-driver) to run the console and door-sign tests.";
            String bar = "*".repeat(Math.min(line.length(), 116));
            System.out.println(bar + System.lineSeparator() + line + System.lineSeparator() + bar);
            abort(line);
        }
        try {
            Path profile = Files.createTempDirectory("cg-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // without the background-networking flags Chromium keeps calling home, which a closed network refuses
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                    "--window-size=1280,800", "--lang=en-US", "--hide-scrollbars");
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
            // an explicit driver executable: Selenium Manager is never asked for one
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            Browser browser = new Browser(new ChromeDriver(service, options), profile);
            // the console's copy button writes the clipboard; tests read it back
            browser.driver.executeCdpCommand("Browser.grantPermissions", Map.of("permissions",
                    List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
            browser.size(1280, 800);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the gateway under test. */
    public void open(String path) {
        driver.get(RestAssured.baseURI + ":" + RestAssured.port + path);
    }

    /** Resizes the window so that the page itself (the viewport) is this large, in CSS pixels. */
    public void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        @SuppressWarnings("unchecked")
        List<Long> viewport = (List<Long>) driver.executeScript("return [innerWidth, innerHeight]");
        driver.manage().window().setSize(new Dimension(2 * width - viewport.get(0).intValue(),
                2 * height - viewport.get(1).intValue()));
    }

    /** Waits until the condition gives something other than null or false; elements re-rendered meanwhile are retried. */
    public <T> T await(Function<WebDriver, T> condition) {
        return await(PATIENCE, condition);
    }

    /** The same, for things that take longer than a page: several polls of a door sign. */
    public <T> T await(Duration patience, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, patience).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Waits until the element's text is the expected one, and returns the element. */
    public WebElement awaitText(By by, String expected) {
        return await(d -> {
            WebElement element = d.findElement(by);
            return expected.equals(element.getText()) ? element : null;
        });
    }

    /** Types into an input or text area, replacing what it held. */
    public void type(By by, String text) {
        WebElement input = await(d -> d.findElement(by));
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks an element once it can be clicked. */
    public void click(By by) {
        await(ExpectedConditions.elementToBeClickable(by)).click();
    }

    public void select(By by, String value) {
        new Select(await(d -> d.findElement(by))).selectByValue(value);
    }

    /** Fills form fields by name, in order: pairs of name and value; a select gets the option of that value. */
    public void fill(String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            By field = By.name(namesAndValues[i]);
            if ("select".equals(await(d -> d.findElement(field)).getTagName())) {
                select(field, namesAndValues[i + 1]);
            } else {
                type(field, namesAndValues[i + 1]);
            }
        }
    }

    /** The texts of the elements found, read in one go once there is at least one. */
    public List<String> texts(By by) {
        return await(d -> {
            List<String> texts = d.findElements(by).stream().map(WebElement::getText).toList();
            return texts.isEmpty() ? null : texts;
        });
    }

    /** Writes a PNG of the page under target/screenshots. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Screenshots {@code <name>-landscape} (1280x800) and {@code <name>-portrait} (800x1280) of the page. */
    public void screenshots(String name) {
        screenshot(name + "-landscape");
        size(800, 1280);
        try {
            screenshot(name + "-portrait");
        } finally {
            size(1280, 800);
        }
    }

    /** Requests to URLs matching these patterns ({@code *} wildcards) fail as if the network were down. */
    public void block(String... urlPatterns) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(urlPatterns)));
    }

    public void unblock() {
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("Could not remove " + profile + ": " + e.getMessage());
            }
        }
    }
}
