package org.minga.ui.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.minga.ui.MingaClient;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real Chromium from Debian, driven through Debian's chromedriver. Both are named explicitly so
 * Selenium Manager never tries to download a browser; when either is missing the tests fail with
 * the install command rather than being skipped.
 */
public final class Browsers {

    static final File CHROMIUM = new File(System.getProperty("minga.chromium", "/usr/bin/chromium"));
    static final File CHROMEDRIVER = new File(System.getProperty("minga.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browsers() {
    }

    /** A headless Chromium window of the given size, in the given page language. */
    public static ChromeDriver open(int width, int height, String language) {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromedriver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver (.ci/run does this)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--hide-scrollbars=false", "--force-device-scale-factor=1",
                "--window-size=" + width + "," + height, "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        try {
            options.addArguments("--user-data-dir=" + Files.createTempDirectory("minga-chromium"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        resize(driver, width, height);
        return driver;
    }

    /** Makes the current window's page (not its outer frame, which --window-size sets) the size asked for. */
    public static void resize(ChromeDriver driver, int width, int height) {
        Number outerExtra = (Number) driver.executeScript("return window.outerHeight - window.innerHeight;");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height + outerExtra.intValue()));
    }

    /** Signs in as the test facilitator through the login page, as a person does; the console opens. */
    public static void signIn(ChromeDriver driver, String baseUrl) {
        driver.get(baseUrl + "/login");
        RoomBrowserTest.waitFor(driver, By.id("username")).sendKeys(MingaClient.FACILITATOR);
        driver.findElement(By.id("password")).sendKeys(MingaClient.FACILITATOR_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/console"));
    }

    /** A phone scanning a table's card: the join link opens the table's page with the code in a cookie. */
    static void joinTable(ChromeDriver phone, String baseUrl, RoomData room, String tableId) {
        phone.get(baseUrl + "/join/" + room.codeOf(tableId));
        new WebDriverWait(phone, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/table/" + room.assemblyId() + "/" + tableId));
    }

    /** Saves what the window shows under target/screenshots, as a build artefact. */
    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
