package org.hubql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's {@code chromium} driven through its {@code chromedriver}, headless, with a profile of its own; tests that
 * share one browser {@link #forget} between them what the last one left. Screenshots go to
 * {@code target/screenshots/}, kept as test artifacts. Closing it quits the browser and its driver.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Whether Chromium and chromedriver are installed where Debian puts them. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * A new browser whose profile lives in {@code profile} (a new, empty directory), started with {@code arguments}
     * besides its own.
     */
    public static HeadlessChromium start(Path profile, String... arguments) {
        // Selenium Manager would try to download a driver otherwise
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--disable-quic",
                "--window-size=1280,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.addArguments(arguments);
        // every console message, and the network events behind traffic()
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL", LogType.PERFORMANCE, "ALL"));
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        return new HeadlessChromium(new ChromeDriver(options));
    }

    public WebDriver driver() {
        return driver;
    }

    /** A wait on this browser, polling until {@code timeout}. */
    public WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /** What the pages wrote to the console, and the browser's own errors about them (a refused CORS request). */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .toList();
    }

    /**
     * The requests the pages made since the last call, one line each: when (seconds since the first), method, URL,
     * the start of a request body, and the status or the failure; for a failing test's message.
     */
    public List<String> traffic() {
        return BrowserTraffic.of(driver.manage().logs().get(LogType.PERFORMANCE).getAll());
    }

    /**
     * What the browser shows and did, for a failing wait's message: the URL, {@code shown} (what the test looks at),
     * the console and the traffic since they were last read. Also saves a screenshot as {@code name}.
     */
    public String explain(String name, String shown) {
        screenshot(name);
        return "at " + driver.getCurrentUrl() + "\n--- shown:\n" + shown
                + "\n--- console:\n" + String.join("\n", consoleMessages())
                + "\n--- network:\n" + String.join("\n", traffic())
                + "\n--- screenshot: " + SCREENSHOTS.resolve(name + ".png");
    }

    /** Forgets every cookie, and whatever the pages of {@code origins} stored, as a new profile would. */
    public void forget(String... origins) {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        for (String origin : origins) {
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        }
    }

    /** Saves what the browser shows now as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Path target = Files.createDirectories(SCREENSHOTS).resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
