package dev.avatarkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver (paths set explicitly: Selenium Manager never
 * runs, nothing is downloaded), plus what the dashboard suite does with it: sign in, wait for text, run axe-core.
 */
final class DashboardBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    final ChromeDriver driver;
    private final String base;

    DashboardBrowser(String base) {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,900",
                "--autoplay-policy=no-user-gesture-required",
                "--mute-audio");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    void signIn(String token) {
        open("/dash/signin");
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        awaitTrue("the jobs page after sign-in", () -> path().startsWith("/dash/jobs"));
    }

    void signOut() {
        driver.findElement(By.cssSelector("form.signout button")).click();
        awaitTrue("the sign-in page after sign-out", () -> path().equals("/dash/signin"));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void awaitText(String text) {
        awaitTrue("'" + text + "' on " + path(), () -> text().contains(text));
    }

    /** Polls (the page changes by itself: SSE), up to 30 s; the failure names what was awaited and shows the page. */
    void awaitTrue(String what, Supplier<Boolean> condition) {
        try {
            // exceptions are ignored: the page was being replaced; look again
            Awaitility.await(what)
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions()
                    .until(() -> Boolean.TRUE.equals(condition.get()));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("waited 30 s for " + what + "; the page says:\n" + text(), e);
        }
    }

    /** axe-core's serious and critical violations on the current page, one line each (empty = none). */
    @SuppressWarnings("unchecked")
    List<String> seriousViolations() {
        if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object'"))) js(axeSource());
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        return (List<String>) result;
    }

    void assertAccessible() {
        assertThat(seriousViolations())
                .as("axe-core serious/critical violations on " + path())
                .isEmpty();
    }

    /** Saves the page as docs/screenshots/NAME.png when run with -Dscreenshots=true (so normal runs leave the tree alone). */
    void screenshot(String name) {
        if (!Boolean.getBoolean("screenshots")) return;
        try {
            Path dir = Path.of("").toAbsolutePath().getParent().resolve("docs/screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    private static String axeSource() {
        try (InputStream in = DashboardBrowser.class.getResourceAsStream(AXE)) {
            if (in == null)
                throw new IllegalStateException(AXE + " is missing: the org.webjars.npm:axe-core test dependency");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
