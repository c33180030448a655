package org.minga.ui.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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
        // --window-size sets the outer window; make the page itself the size asked for.
        Number outerExtra = (Number) driver.executeScript("return window.outerHeight - window.innerHeight;");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height + outerExtra.intValue()));
        return driver;
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
