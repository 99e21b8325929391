package org.hubql.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hubql.testkit.GraphiQLInBrowser;
import org.hubql.testkit.HeadlessChromium;
import org.hubql.testkit.RunningGateway;
import org.hubql.testkit.TestHub;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * GraphiQL in a real headless Chromium that can reach nothing but the gateway: it must load from the jar and run
 * the default query. CI installs Debian's chromium and chromium-driver, so there it never skips.
 */
@Tag("browser")
class GraphiQLBrowserTest {
    @TempDir
    Path directory;

    @Test
    void graphiql_loads_offline_and_runs_the_default_query() throws Exception {
        assumeTrue(
                System.getenv("CI") != null || HeadlessChromium.available(),
                "Chromium and chromedriver are not installed here");
        try (RunningGateway gateway = RunningGateway.serve(TestHub.small(directory), false);
                HeadlessChromium chromium = HeadlessChromium.start(
                        Files.createDirectories(directory.resolve("profile")),
                        // Any request that is not to the gateway fails: the page must need nothing from the internet.
                        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")) {
            WebDriver browser = chromium.driver();
            browser.get(gateway.uri("/").toString());
            WebDriverWait wait = chromium.waiting(Duration.ofSeconds(30));
            // the Execute button shows before GraphiQL wires its editors to it; a click then would do nothing
            wait.until(GraphiQLInBrowser::ready);
            browser.findElement(By.className("graphiql-execute-button")).click();
            try {
                wait.until(page -> page.findElement(By.className("result-window"))
                        .getText()
                        .contains("userCount"));
            } catch (TimeoutException e) {
                throw new AssertionError(
                        "GraphiQL showed no result; "
                                + chromium.explain("graphiql-offline-no-result", GraphiQLInBrowser.result(browser)),
                        e);
            }
            String result = browser.findElement(By.className("result-window")).getText();
            assertThat(result).contains("\"userCount\": 6", "\"activeServerCount\": 2");
        }
    }
}
