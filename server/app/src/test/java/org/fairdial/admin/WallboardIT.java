package org.fairdial.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.storage.TestLegs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The wallboard in real headless Chromium (Debian's chromium + chromium-driver, driven by Selenium): the page
 * takes its token from the URL fragment, shows the agents grid in state colours, the campaign's abandon gauge
 * against its cap and the last hour's chart, and follows the event stream. A screenshot is kept at
 * {@code target/wallboard.png} and its tile colours checked.
 */
@Timeout(180)
class WallboardIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final int AVAILABLE = 0x16a34a;
    private static final int LOGGED_OUT = 0x4b5563;
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void wallboardShowsAgentsGaugeAndChartAndFollowsEvents() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium or chromedriver not found: apt-get install chromium chromium-driver; skipping");
        try (AdminFixture dialer = AdminFixture.in(dir).seed(lastHour()).start()) {
            Instant until = Instant.now().plusSeconds(600);
            dialer.server.agents().registered("alice", "sip:alice@127.0.0.1:5999", until);
            WebDriver browser = chromium(dir);
            try {
                browser.get(dialer.base + "/#token=" + AdminFixture.VIEWER);
                await(browser, "agents grid, gauge and live stream", b -> b.findElements(By.cssSelector("#agents .agent")).size() == 3
                        && !b.findElements(By.cssSelector("#campaigns .campaign .gauge")).isEmpty()
                        && b.findElement(By.id("status")).getAttribute("class").contains("online"));
                assertFalse(browser.getCurrentUrl().contains("token"), "token left in the address bar");
                assertFalse(browser.findElement(By.id("login")).isDisplayed(), "login form shown with a token");
                assertEquals("screen (viewer)", browser.findElement(By.id("user")).getText());

                WebElement alice = tile(browser, "alice");
                assertTrue(alice.getAttribute("class").contains("state-AVAILABLE"), alice.getAttribute("class"));
                assertTrue(alice.getText().contains("Alice") && alice.getText().contains("available"),
                        alice.getText());
                assertTrue(tile(browser, "bruno").getAttribute("class").contains("state-LOGGED_OUT"));

                WebElement campaign = browser.findElement(By.cssSelector(".campaign[data-campaign='it']"));
                assertEquals("2.5%", campaign.findElement(By.className("gauge-value")).getText());
                assertEquals("cap 3.0% (it-test)", campaign.findElement(By.className("gauge-cap")).getText());
                assertEquals("warn", campaign.getAttribute("data-level"), "2.5% is within 20% of the 3% cap");
                assertFalse(browser.findElements(By.cssSelector("#chart rect.answered")).isEmpty());
                assertTrue(browser.findElement(By.id("chart-totals")).getText().contains("40 answered, 1 abandoned"),
                        browser.findElement(By.id("chart-totals")).getText());

                dialer.server.agents().registered("bruno", "sip:bruno@127.0.0.1:5998", until);
                await(browser, "bruno's tile turning available from the event stream",
                        b -> tile(b, "bruno").getAttribute("class").contains("state-AVAILABLE"));

                byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
                Path shot = Path.of("target", "wallboard.png");
                Files.createDirectories(shot.getParent());
                Files.write(shot, png);
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
                assertColour(image, tile(browser, "alice").getRect(), AVAILABLE, "alice");
                assertColour(image, tile(browser, "bruno").getRect(), AVAILABLE, "bruno");
                assertColour(image, tile(browser, "carla").getRect(), LOGGED_OUT, "carla");
            } finally {
                browser.quit();
            }
        }
    }

    /** 40 answered calls over the last hour, one of them abandoned: an abandon rate of 2.5%. */
    private static List<CdrLeg> lastHour() {
        List<CdrLeg> legs = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 40; i++) {
            legs.add(TestLegs.customer("it", i == 7 ? Disposition.ABANDONED : Disposition.ANSWERED,
                    now.minusSeconds(20 + 85L * i)));
        }
        return legs;
    }

    /** Polls the page until {@code ready} holds (elements may be missing or replaced meanwhile). */
    private static void await(WebDriver browser, String what, Predicate<WebDriver> ready) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            try {
                if (ready.test(browser)) {
                    return;
                }
            } catch (WebDriverException notYet) {
                // no such element yet, or re-rendered under us
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what + "; page:\n"
                        + browser.findElement(By.tagName("body")).getText());
            }
            Thread.sleep(100);
        }
    }

    private static WebElement tile(WebDriver browser, String agent) {
        return browser.findElement(By.cssSelector("#agents .agent[data-agent='" + agent + "']"));
    }

    /** The tile's background, a few pixels inside its top-left corner (clear of text and rounded corners). */
    private static void assertColour(BufferedImage image, Rectangle tile, int expected, String what) {
        int rgb = image.getRGB(tile.getX() + 6, tile.getY() + 6) & 0xffffff;
        for (int shift : new int[] {16, 8, 0}) {
            int got = (rgb >> shift) & 0xff;
            int want = (expected >> shift) & 0xff;
            assertTrue(Math.abs(got - want) <= 12, what + " tile is #" + Integer.toHexString(rgb) + ", expected #"
                    + Integer.toHexString(expected));
        }
    }

    private static WebDriver chromium(Path dir) throws Exception {
        // Selenium warns (java.util.logging) that it has no DevTools binding for this Chromium: none is used.
        SELENIUM_LOG.setLevel(Level.SEVERE);
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--force-device-scale-factor=1", "--window-size=1280,1300", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogOutput(new FileOutputStream(dir.resolve("chromedriver.log").toFile())).build();
        return new ChromeDriver(service, options);
    }
}
