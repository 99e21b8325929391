package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * GraphiQL in a real headless Chromium that can reach nothing but the gateway: it must load from the jar and run
 * the default query. CI installs Debian's chromium and chromium-driver, so there it never skips.
 */
@Tag("browser")
class GraphiQLBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path directory;

    @Test
    void graphiql_loads_offline_and_runs_the_default_query() throws Exception {
        assumeTrue(
                System.getenv("CI") != null || (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)),
                "Chromium and chromedriver are not installed here");
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
                "--user-data-dir=" + Files.createDirectories(directory.resolve("profile")),
                // Any request that is not to the gateway fails: the page must need nothing from the internet.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");

        try (RunningGateway gateway = RunningGateway.serve(TestHub.small(directory), false)) {
            WebDriver browser = new ChromeDriver(options);
            try {
                browser.get(gateway.uri("/").toString());
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                wait.until(page -> !page.findElements(By.className("graphiql-execute-button"))
                        .isEmpty());
                browser.findElement(By.className("graphiql-execute-button")).click();
                wait.until(page -> page.findElement(By.className("result-window"))
                        .getText()
                        .contains("userCount"));
                String result =
                        browser.findElement(By.className("result-window")).getText();
                assertThat(result).contains("\"userCount\": 6", "\"activeServerCount\": 2");
            } finally {
                browser.quit();
            }
        }
    }
}
