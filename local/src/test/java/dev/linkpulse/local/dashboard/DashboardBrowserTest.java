package dev.linkpulse.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkpulse.emulators.lambda.LocalFunction;
import dev.linkpulse.local.LocalStack;
import dev.linkpulse.testkit.ApiResponse;
import dev.linkpulse.testkit.StackExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's Chromium, headless) against the local stack: sign in, create a link,
 * open its live view, click the link three times and watch the total reach 3 through the WebSocket pushes. Also
 * checks the console stays free of errors (CSP violations land there) and the page fits a 360 px screen.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
  /** Skips the class (without booting a stack) when Chromium is missing: "Chromium not installed: apt-get install -y chromium chromium-driver". */
  @RegisterExtension
  @Order(1)
  static final ExecutionCondition chromiumInstalled = Chromium.INSTALLED;

  @RegisterExtension
  @Order(2)
  static final StackExtension<LocalStack> stack = new StackExtension<>(LocalStack::ephemeral, LocalStack::apiUrl, LocalStack::token);

  static Chromium chromium;
  static ChromeDriver driver;
  static String code;

  @BeforeAll
  static void startBrowser() throws IOException {
    // The page's waits are about the page: every function's cold start (init from its artifact, seconds on a
    // loaded machine) happens here, before the browser drives it.
    stack.stack().functions().values().parallelStream().forEach(LocalFunction::warm);
    chromium = new Chromium(1440, 1200);
    driver = chromium.driver;
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (chromium != null) chromium.close();
  }

  static String dashboardOrigin() {
    assertThat(stack.get("/dashboard/", null).status()).as("the local stack serves the dashboard").isEqualTo(200);
    return stack.api();
  }

  static WebDriverWait waitUpTo(int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100));
  }

  static WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  static Path target() throws Exception {
    // target/test-classes -> target
    return Path.of(DashboardBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
  }

  static void screenshot(String name) throws Exception {
    Path file = target().resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  /** Console errors (CSP violations, uncaught exceptions, failed loads) since the last call. */
  static List<String> severeConsoleEntries() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::toString).toList();
  }

  @Test
  @Order(1)
  void aSignedInOwnerWatchesClicksArriveLive() throws Exception {
    assertThat(stack.stack().webSocketUrl()).as("the local stack's WebSocket API").isNotBlank();
    String base = dashboardOrigin();
    driver.get(base + "/dashboard");
    assertThat(driver.getCurrentUrl()).isEqualTo(base + "/dashboard/");

    // Sign in.
    waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    assertThat(byId("token-hint").getText()).isEqualTo("Run ./linkpulse token alice and paste the token");
    byId("token").sendKeys(stack.token("alice"));
    byId("sign-in-submit").click();
    waitUpTo(20).until(ExpectedConditions.textToBe(By.id("who"), "alice"));
    assertThat(byId("sign-out").isDisplayed()).isTrue();

    // Create a link through the form: it appears at the top of "My links".
    String alias = "live-" + UUID.randomUUID().toString().substring(0, 8);
    byId("url").sendKeys("https://example.com/launch?utm_source=dashboard-test");
    byId("alias").sendKeys(alias);
    byId("create-submit").click();
    By row = By.cssSelector("#links > li.link-row[data-code='" + alias + "']");
    waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(row));
    code = alias;
    WebElement first = driver.findElement(By.cssSelector("#links > li.link-row:first-child"));
    assertThat(first.getAttribute("data-code")).isEqualTo(code);
    assertThat(first.findElement(By.cssSelector(".link-target")).getText()).isEqualTo("https://example.com/launch?utm_source=dashboard-test");
    assertThat(first.findElement(By.cssSelector(".short")).getText()).isEqualTo(stack.api() + "/" + code);
    assertThat(first.findElement(By.cssSelector("button.copy")).isDisplayed()).isTrue();

    // Open its live view and wait until it is subscribed.
    first.findElement(By.cssSelector("button.btn-live")).click();
    waitUpTo(30).until(ExpectedConditions.attributeToBe(By.id("conn"), "data-state", "live"));
    assertThat(byId("conn-text").getText()).isEqualTo("live");
    waitUpTo(20).until(ExpectedConditions.textToBe(By.id("stat-total"), "0"));
    assertThat(byId("live-title").getText()).isEqualTo(code);

    // Three clicks through the redirect function, from different visitors (CloudFront's viewer headers).
    List<Map<String, String>> visitors = List.of(
        Map.of("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
            "Referer", "https://news.ycombinator.com/item?id=1", "CloudFront-Viewer-Country", "DE", "CloudFront-Viewer-Address", "198.51.100.7:50000"),
        Map.of("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
            "Referer", "https://t.co/abc", "CloudFront-Viewer-Country", "US", "CloudFront-Viewer-Address", "203.0.113.9:50001"),
        Map.of("User-Agent", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "CloudFront-Viewer-Country", "US", "CloudFront-Viewer-Address", "192.0.2.33:50002"));
    for (Map<String, String> visitor : visitors) {
      ApiResponse r = stack.send("GET", "/" + code, null, null, visitor);
      assertThat(r.status()).isEqualTo(302);
    }
    waitUpTo(60).until(ExpectedConditions.textToBe(By.id("stat-total"), "3"));
    assertThat(byId("stat-since").getText()).isEqualTo("+3");
    assertThat(Long.parseLong(byId("stat-human").getText()) + Long.parseLong(byId("stat-bot").getText())).isEqualTo(3);
    assertThat(byId("conn").getAttribute("data-state")).isEqualTo("live");
    // The live "this hour" lists have the clicks, the chart's accessible summary too.
    waitUpTo(20).until(d -> !d.findElements(By.cssSelector("#top-browsers li.top-row")).isEmpty());
    assertThat(byId("minute-chart").getAttribute("aria-label")).contains("3 in total");
    Thread.sleep(600); // let the chart's short animation settle before the picture
    screenshot("dashboard-live.png");

    assertThat(severeConsoleEntries()).as("browser console errors (CSP violations show up here)").isEmpty();
  }

  @Test
  @Order(2)
  void theLiveViewFitsA360PixelScreen() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(code != null, "needs the live view of the first test");
    Dimension desktop = driver.manage().window().getSize();
    try {
      driver.manage().window().setSize(new Dimension(360, 800));
      Thread.sleep(400);
      Object overflow = ((JavascriptExecutor) driver).executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertThat(((Number) overflow).intValue()).as("horizontal overflow at 360 px").isLessThanOrEqualTo(0);
      ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
      Thread.sleep(300);
      screenshot("dashboard-links-360.png");
      ((JavascriptExecutor) driver).executeScript("document.getElementById('live').scrollIntoView();");
      Thread.sleep(300);
      screenshot("dashboard-live-360.png");
    } finally {
      driver.manage().window().setSize(desktop);
    }
    assertThat(severeConsoleEntries()).isEmpty();
  }

  @Test
  @Order(3)
  void theApisErrorsShowInline() {
    org.junit.jupiter.api.Assumptions.assumeTrue(code != null, "needs the signed-in page of the first test");
    byId("url").clear();
    byId("url").sendKeys("https://example.com/other");
    byId("alias").clear();
    byId("alias").sendKeys(code); // taken
    byId("create-submit").click();
    waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("alias-error")));
    assertThat(byId("alias-error").getText()).isEqualTo("Alias '" + code + "' is already taken.");
    assertThat(byId("alias").getAttribute("aria-invalid")).isEqualTo("true");

    byId("alias").clear();
    byId("url").clear();
    byId("url").sendKeys("ftp://example.com/file");
    byId("create-submit").click();
    waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("url-error")));
    assertThat(byId("url-error").getText()).isEqualTo("Url must start with http:// or https://.");
    // The rejected requests are the only console errors (the browser logs every 4xx response).
    assertThat(severeConsoleEntries()).allMatch(e -> e.contains("status of 409") || e.contains("status of 400"));
  }

  @Test
  @Order(4)
  void theModelAndTheBackoffInTheBrowser() {
    org.junit.jupiter.api.Assumptions.assumeTrue(code != null, "needs the page of the first test");
    Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        Promise.all([import('./socket.js'), import('./live.js')]).then(([socket, live]) => {
          const delays = [0, 1, 2, 3, 4, 5, 6, 10].map((n) => [socket.backoffDelay(n, () => 0), socket.backoffDelay(n, () => 0.999)]);
          const m = new live.LiveModel(Date.parse('2026-11-22T12:03:00Z'));
          // The stats API: 10 clicks 2 hours ago, 4 in the current hour (12:00 here), read when the view opened.
          m.seed({ total: 14, human: 12, bot: 2, uniques: 9, series: [
              { start: '2026-11-22T10:00Z', total: 10, human: 9 }, { start: '2026-11-22T12:00Z', total: 4, human: 3 }], top: {} },
            { total: 4, human: 3, bot: 1, uniques: 3, top: {} }, Date.parse('2026-11-22T12:00:00Z'));
          // A push the stats had already counted (hour counter 4): nothing doubles.
          m.apply({ type: 'clicks', at: '2026-11-22T12:05:00Z', hour: '2026-11-22T12:00:00Z', total: 4, human: 3, bot: 1, uniques: 3,
            delta: { total: 1, human: 1, bot: 0 }, minutes: [{ minute: '2026-11-22T12:04:00Z', total: 1, human: 1 }] });
          const afterDuplicate = m.totals().total;
          // A push after a missed one (counter 7 = 4 + 2 missed + 1 new): the counter wins.
          m.apply({ type: 'clicks', at: '2026-11-22T12:09:00Z', hour: '2026-11-22T12:00:00Z', total: 7, human: 6, bot: 1, uniques: 5,
            delta: { total: 1, human: 1, bot: 0 }, minutes: [{ minute: '2026-11-22T12:08:00Z', total: 1, human: 1 }] });
          const afterGap = m.totals();
          // A batch across the hour boundary: 2 clicks at 12:59 and 1 at 13:00; the push carries hour 13's counter.
          m.apply({ type: 'clicks', at: '2026-11-22T13:00:02Z', hour: '2026-11-22T13:00:00Z', total: 1, human: 1, bot: 0, uniques: 1,
            delta: { total: 3, human: 3, bot: 0 }, minutes: [{ minute: '2026-11-22T12:59:00Z', total: 2, human: 2 },
              { minute: '2026-11-22T13:00:00Z', total: 1, human: 1 }] });
          done({ delays, afterDuplicate, afterGap: afterGap.total, final: m.totals().total, since: m.sinceOpened,
            uniquesHour: m.uniquesHour, uniquesWeek: m.uniquesWeek });
        }).catch((e) => done({ error: String(e) }));
        """);
    @SuppressWarnings("unchecked")
    Map<String, Object> r = (Map<String, Object>) result;
    assertThat(r).doesNotContainKey("error");
    @SuppressWarnings("unchecked")
    List<List<Number>> delays = (List<List<Number>>) r.get("delays");
    // 1 s, 2 s, 4 s ... capped at 30 s; the jitter only ever shortens a wait, by at most 30%.
    long[] ceilings = {1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
    for (int i = 0; i < ceilings.length; i++) {
      assertThat(delays.get(i).get(0).longValue()).isEqualTo(ceilings[i]);
      assertThat(delays.get(i).get(1).longValue()).isBetween(Math.round(ceilings[i] * 0.7) - 1, ceilings[i]);
    }
    assertThat(((Number) r.get("afterDuplicate")).longValue()).isEqualTo(14);
    assertThat(((Number) r.get("afterGap")).longValue()).isEqualTo(17);
    assertThat(((Number) r.get("final")).longValue()).isEqualTo(20);
    assertThat(((Number) r.get("since")).longValue()).isEqualTo(5);
    assertThat(((Number) r.get("uniquesHour")).longValue()).isEqualTo(1);
    assertThat(((Number) r.get("uniquesWeek")).longValue()).isEqualTo(9);
  }
}
