package uk.mentoring.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import uk.mentoring.stack.Component;
import uk.mentoring.stack.DemoTrust;
import uk.mentoring.stack.PlatformClient;
import uk.mentoring.stack.Progress;
import uk.mentoring.stack.StackSettings;

/**
 * The trust lead's Monday morning in a real headless Chromium: sign in through the identity
 * provider, see every school compared and a chart, follow an at-risk pairing to its page; the
 * numbers on the pages are the API's.
 */
class DashboardInTheBrowserIT {

    static StackSettings settings;
    static PlatformClient client;
    static WebDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        settings = RunningPlatform.shared();
        client = RunningPlatform.client(settings);
        new DemoTrust(client, Progress.silent()).seed();
        browser = chromium();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_trust_lead_signs_in_compares_the_schools_and_follows_a_pairing_at_risk() {
        JsonNode trust = client.get("/api/analytics/trust", client.token("trust-lead")).json();
        signIn("trust-lead");

        open("/dashboard");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#status:not([hidden])")));
        String schools = browser.findElement(By.id("schools")).getText();
        assertThat(trust.path("bySchool")).hasSizeGreaterThanOrEqualTo(3);
        trust.path("bySchool").forEach(school -> assertThat(schools).contains(school.path("name").asText()));
        assertThat(browser.findElements(By.cssSelector("#schools-chart svg"))).as("a chart of the schools").isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#weeks-chart svg"))).as("a chart of the term").isNotEmpty();
        assertThat(browser.findElement(By.id("schools-chart")).getAttribute("aria-label")).contains("virtuous circle");
        assertThat(figure("Active pairings")).isEqualTo(trust.path("progress").path("activePairings").asText());
        assertThat(figure("Pairings at risk")).isEqualTo(trust.path("progress").path("atRisk").asText());

        JsonNode first = trust.path("atRisk").get(0);
        assertThat(first).as("the demo trust has pairings at risk").isNotNull();
        WebElement atRisk = browser.findElement(By.cssSelector("#at-risk a[href='/dashboard/pairings/" + first.path("pairingId").asText() + "']"));
        String row = atRisk.findElement(By.xpath("ancestor::tr")).getText();
        first.path("risks").forEach(risk -> assertThat(row).contains(risk.path("reason").asText()));
        atRisk.click();

        wait.until(ExpectedConditions.urlContains("/dashboard/pairings/" + first.path("pairingId").asText()));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#status:not([hidden])")));
        assertThat(browser.findElement(By.id("title")).getText()).contains(first.path("mentee").path("displayName").asText());
        assertThat(browser.findElements(By.cssSelector("#confidence-chart svg"))).as("the confidence chart").isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#depth-chart svg"))).as("the reflection-depth chart").isNotEmpty();
        String risks = browser.findElement(By.id("risks")).getText();
        first.path("risks").forEach(risk -> assertThat(risks).contains(risk.path("reason").asText()));
    }

    @Test
    void a_rebuild_while_the_overview_is_open_changes_nothing_the_lead_sees() {
        signIn("trust-lead");
        open("/dashboard");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#status:not([hidden])")));
        String before = browser.findElement(By.id("content")).getText();

        String lead = client.token("trust-lead");
        PlatformClient.Answer started = client.post("/api/admin/projections/rebuild", java.util.Map.of(), lead);
        assertThat(started.status()).as(started.toString()).isIn(202, 409);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> client.get("/api/admin/projections/rebuild", lead).json().path("state").asText().equals("FINISHED"));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#status:not([hidden])")));

        assertThat(browser.findElement(By.id("content")).getText()).isEqualTo(before);
    }

    @Test
    void the_auditor_replays_a_mentees_record_checks_the_chain_and_exports_it() {
        String tom = PlatformClient.claims(client.token("mentee-1")).path("person_id").asText();
        signIn("auditor");

        open("/dashboard/audit/mentees/" + tom);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#status:not([hidden])")));
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("Audit record: Tom Whitfield");
        assertThat(browser.findElement(By.id("chain")).getText()).startsWith("Yes: all");
        assertThat(browser.findElements(By.cssSelector("#history tbody tr")).size()).isGreaterThan(5);
        assertThat(browser.findElement(By.id("state")).getText()).contains("Pairings as they stood");

        String csv = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('export-csv').href).then(r => r.text()).then(done);");
        assertThat(csv).startsWith("sequence,occurred_at,occurred_on,recorded_at,recorded_by_person_id,recorded_by_roles,event,details,event_id,previous_hash,hash");
    }

    @Test
    void the_auditor_reads_a_history_longer_than_a_page_in_full() throws Exception {
        String lead = client.token("school-lead-1");
        String school = PlatformClient.claims(lead).path("school_ids").get(0).asText();
        String daniel = PlatformClient.claims(client.token("daniel-price")).path("person_id").asText();
        String mentee = client.post("/api/schools/" + school + "/mentees", Map.of("displayName", "Long History",
                "email", "long." + UUID.randomUUID().toString().substring(0, 8) + "@example.org", "stage", "TRAINEE"), lead).json().path("id").asText();
        String pairing = client.post("/api/pairings", Map.of("schoolId", school, "mentorId", daniel, "menteeId", mentee), lead).json().path("id").asText();
        // ground rules revised again and again: every agreement is a record of the mentee's history
        ExecutorService leads = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 520; i++) {
            int revision = i;
            leads.submit(() -> {
                // the gateway's per-person rate limit answers 429 to a burst this size: wait and send again
                while (client.post("/api/pairings/" + pairing + "/ground-rules", Map.of("rules", List.of("Revision " + revision),
                        "weeklyDay", "TUESDAY", "weeklyTime", "15:45", "room", "Library"), lead, "long-history:" + pairing + ":" + revision).status() == 429) {
                    TimeUnit.MILLISECONDS.sleep(500);
                }
                return null;
            });
        }
        leads.shutdown();
        assertThat(leads.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
        String auditor = client.token("auditor");
        long total = await().atMost(Duration.ofSeconds(60)).until(() -> client.get("/api/audit/mentees/" + mentee + "/events?size=1", auditor)
                .json().path("total").asLong(), count -> count >= 522);

        signIn("auditor");
        open("/dashboard/audit/mentees/" + mentee);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#status:not([hidden])")));
        assertThat(browser.findElement(By.cssSelector("#history caption")).getText()).startsWith(total + " records");
        assertThat(browser.findElements(By.cssSelector("#history tbody tr"))).as("every record, not only the first page of 500").hasSize((int) total);
        assertThat(browser.findElement(By.id("history-reading")).isDisplayed()).as("the progress is gone once all is read").isFalse();
    }

    @Test
    void the_stage_filter_offers_every_stage_and_shows_the_one_in_use() {
        signIn("trust-lead");
        open("/dashboard?stage=TRAINEE");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#status:not([hidden])")));

        WebElement stage = browser.findElement(By.name("stage"));
        assertThat(stage.findElements(By.tagName("option"))).extracting(WebElement::getText)
                .containsExactly("All stages", "Trainee", "ECT year 1", "ECT year 2", "New middle leader", "New senior leader");
        assertThat(stage.getDomProperty("value")).isEqualTo("TRAINEE");
        assertThat(browser.findElement(By.id("period")).getText()).contains("Trainee");
    }

    @Test
    void a_mentor_lands_on_their_own_pairings_and_the_menu_offers_only_what_they_may_open() {
        String amira = client.token("mentor-1");
        JsonNode mine = client.get("/api/analytics/mentors/" + PlatformClient.claims(amira).path("person_id").asText(), amira).json();
        List<String> pairings = new ArrayList<>();
        List.of("activePairings", "startingLater", "endedPairings").forEach(list -> mine.path(list).forEach(p -> pairings.add(p.path("pairingId").asText())));
        assertThat(pairings).as("the demo trust pairs Amira").isNotEmpty();
        signIn("mentor-1");

        open("/dashboard");
        // one pairing is opened in place of the landing page: wait for that page, not the one it replaced
        wait.until(pairings.size() == 1 ? ExpectedConditions.urlContains("/dashboard/pairings/" + pairings.get(0))
                : ExpectedConditions.textToBe(By.tagName("h1"), "Your pairings"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#status:not([hidden])")));

        if (pairings.size() == 1) {
            assertThat(browser.getCurrentUrl()).endsWith("/dashboard/pairings/" + pairings.get(0));
        } else {
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your pairings");
            assertThat(browser.findElements(By.cssSelector("#content tbody tr"))).hasSize(pairings.size());
        }
        assertThat(browser.findElement(By.id("status")).getText()).as("nothing refused").isEmpty();
        assertThat(browser.findElement(By.id("nav-home")).getText()).isEqualTo("Your pairings");
        assertThat(browser.findElement(By.cssSelector("header a[href='/dashboard/rebuild']")).isDisplayed()).as("a page only the trust's leads may open").isFalse();
    }

    @Test
    void a_week_cut_short_by_the_last_day_asked_for_is_marked_as_so_far_and_a_whole_one_is_not() {
        signIn("trust-lead");
        open("/dashboard?from=2026-09-01&to=2026-11-18");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#status:not([hidden])")));
        // the chart's numbers sit in a table that is folded away until asked for: read as written, not as shown
        List<String> weeks = browser.findElements(By.xpath("//table[caption='Week by week']/tbody/tr/th")).stream()
                .map(week -> week.getDomProperty("textContent")).toList();
        assertThat(weeks).as("ending on a Wednesday").last().asString().isEqualTo("16 Nov 2026 (so far)");
        assertThat(weeks.subList(0, weeks.size() - 1)).noneMatch(week -> week.contains("so far"));

        open("/dashboard?from=2026-09-01&to=2026-11-15");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#status:not([hidden])")));
        List<String> whole = browser.findElements(By.xpath("//table[caption='Week by week']/tbody/tr/th")).stream()
                .map(week -> week.getDomProperty("textContent")).toList();
        assertThat(whole).as("ending on a Sunday").isNotEmpty().noneMatch(week -> week.contains("so far"));
        assertThat(whole).last().asString().startsWith("9 Nov");
    }

    @Test
    void a_mentee_opens_their_records_and_reads_what_was_written() {
        signIn("mentee-1");
        open("/dashboard");
        wait.until(ExpectedConditions.urlContains("/dashboard/pairings/"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#status:not([hidden])")));

        WebElement firstMeeting = browser.findElement(By.cssSelector("#records details summary"));
        firstMeeting.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#records details dl.record")));
        assertThat(browser.findElement(By.cssSelector("#records details dl.record")).getText()).contains("Scheduled for", "Room");
        assertThat(browser.findElement(By.id("records-note")).getText()).contains("only the two of you");
    }

    @Test
    void a_session_that_has_ended_is_told_so_and_an_address_nothing_answers_is_a_page() {
        signIn("trust-lead");
        open("/dashboard/trust");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(browser.findElement(By.id("home")).getAttribute("href")).endsWith("/dashboard");

        open("/dashboard");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#status:not([hidden])")));
        browser.manage().deleteAllCookies();
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Your session has ended"));
    }

    @Test
    void the_audit_record_dates_a_day_as_a_day_and_an_unknown_mentee_has_nothing_to_export() {
        String tom = PlatformClient.claims(client.token("mentee-1")).path("person_id").asText();
        signIn("auditor");
        open("/dashboard/audit/mentees/" + tom);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#status:not([hidden])")));

        WebElement paired = browser.findElement(By.xpath("//table[ancestor::div[@id='history']]//tr[td[normalize-space()='PairingCreated']]"));
        assertThat(paired.findElement(By.tagName("th")).getText()).as("a day, without a time the record never had").matches("\\d{1,2} \\w+ \\d{4}");
        assertThat(browser.findElement(By.id("history")).getText()).doesNotContain("null");
        assertThat(paired.findElements(By.tagName("td")).get(0).getText()).as("its place in the chain").matches("\\d+");
        assertThat(paired.findElements(By.tagName("td")).get(1).getText()).as("recorded, to the second").matches(".*, \\d{2}:\\d{2}:\\d{2}");
        assertThat(paired.findElements(By.tagName("td")).get(2).getText()).as("who made the pairing").isEqualTo("School lead");
        WebElement held = browser.findElement(By.xpath("//table[ancestor::div[@id='history']]//tr[td[normalize-space()='MeetingHeld']]"));
        assertThat(held.findElements(By.tagName("td")).get(2).getText()).isEqualTo("Their mentor");
        assertThat(held.findElements(By.tagName("td")).get(4).getText()).as("which meeting").startsWith("meeting ");
        WebElement reflected = browser.findElement(By.xpath("//table[ancestor::div[@id='history']]//tr[td[normalize-space()='ReflectionSubmitted']]"));
        assertThat(reflected.findElements(By.tagName("td")).get(2).getText()).isEqualTo("The mentee");
        assertThat(reflected.findElements(By.tagName("td")).get(2).findElement(By.tagName("span")).getAttribute("title"))
                .as("the person's id on hover").isEqualTo("Mentee, person " + tom);

        open("/dashboard/audit/mentees/" + UUID.randomUUID());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "is known here"));
        assertThat(browser.findElement(By.id("exports")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("state-panel")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector(".subtitle")).isDisplayed()).as("no furniture around the refusal").isFalse();
        assertThat(browser.findElement(By.linkText("Go to your dashboard")).getAttribute("href")).endsWith("/dashboard");
    }

    @Test
    void the_overview_fits_a_phone_without_scrolling_sideways() {
        signIn("trust-lead");
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            open("/dashboard");
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#status:not([hidden])")));
            Number page = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
            Number screen = (Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
            assertThat(page.intValue()).isLessThanOrEqualTo(screen.intValue());
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    /**
     * Signs in afresh through the identity provider's own page, as a person would. A sign-in that
     * stalls is reported with where the browser stopped and what the gateway and the provider
     * logged, and tried once more, as the person would press reload; a second stall fails the test.
     */
    private static void signIn(String persona) {
        try {
            attemptSignIn(persona);
        } catch (WebDriverException stalled) {
            reportStall("Signing in as " + persona, stalled);
            attemptSignIn(persona);
        }
    }

    /**
     * Opens a page of the gateway. Headless Chromium's renderer has now and then stopped answering
     * a page load on a busy 2-core machine while the platform had answered; where it stalled is
     * reported, and the page is loaded once more, as a person would reload it.
     */
    private static void open(String path) {
        try {
            browser.get(settings.url(Component.GATEWAY) + path);
        } catch (WebDriverException stalled) {
            reportStall("Opening " + path, stalled);
            browser.get(settings.url(Component.GATEWAY) + path);
        }
    }

    private static void reportStall(String what, WebDriverException stalled) {
        System.out.println(what + " stalled at " + whereTheBrowserIs() + ": " + stalled.getMessage().lines().findFirst().orElse("")
                + "\n" + lastLines(Component.GATEWAY) + "\n" + lastLines(Component.IDENTITY_PROVIDER));
        PlatformThreadDumps.write(what + " stalled");
    }

    private static void attemptSignIn(String persona) {
        browser.get(settings.url(Component.GATEWAY) + "/signed-out");
        browser.manage().deleteAllCookies(); // the gateway's and the provider's: both are on localhost
        browser.get(settings.url(Component.GATEWAY) + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username"))).sendKeys(persona);
        browser.findElement(By.name("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Signed in as"));
    }

    private static String whereTheBrowserIs() {
        try {
            return browser.getCurrentUrl();
        } catch (WebDriverException unanswered) {
            return "a page that does not answer";
        }
    }

    private static String lastLines(Component component) {
        Path log = settings.logs().resolve(component.displayName() + ".log");
        try {
            List<String> lines = Files.readAllLines(log);
            return component.displayName() + " logged last:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (java.io.IOException unreadable) {
            return component.displayName() + "'s log could not be read: " + unreadable.getMessage();
        }
    }

    private static String figure(String label) {
        return browser.findElement(By.xpath("//dl[@id='figures']/div[dt[normalize-space()='" + label + "']]/dd")).getText();
    }

    /** Debian's chromium and chromium-driver; .ci/run installs them where they are missing. */
    private static WebDriver chromium() {
        Path binary = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        Path driver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toString());
        List<String> arguments = new ArrayList<>(List.of("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"));
        if ("root".equals(System.getProperty("user.name"))) {
            arguments.add("--no-sandbox"); // Chromium refuses its sandbox to root, as CI machines often run
        }
        options.addArguments(arguments);
        ChromeDriver chromium = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build(), options);
        // a page that has not loaded in a minute has stalled; the browser is asked to say so, and stays usable
        chromium.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return chromium;
    }

    private static Path firstExisting(String... candidates) {
        for (String candidate : candidates) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("None of " + String.join(", ", candidates)
                + " is installed: install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver), as .ci/run does");
    }
}
