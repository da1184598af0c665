package dev.readnext.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.readnext.graphql.GraphQL;
import dev.readnext.security.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/**
 * The web page for signed-in readers (issue 17), in a real browser against the service: two readers side by side,
 * each in a browser context of their own signed in with their own token, and an anonymous visitor. Each test uses new
 * readers (new sub claims), so none sees another test's history. Screenshots go to target/screenshots.
 */
@QuarkusTest
class ReaderWebPageTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String ROFORMER = "roformer-enhanced-transformer-with-rotary-position-embedding";
    private static final String ROFORMER_TITLE = "RoFormer: Enhanced Transformer with Rotary Position Embedding";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy", Locale.US);

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private String ada;
    private String ben;

    @BeforeAll
    static void launchBrowser() {
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        playwright = SystemChromium.playwright();
        browser = SystemChromium.launch(playwright);
    }

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void newReaders() {
        ada = Tokens.reader("web-ada-" + UUID.randomUUID(), "Ada");
        ben = Tokens.reader("web-ben-" + UUID.randomUUID(), "Ben");
    }

    @AfterEach
    void pagesHadNoErrors() {
        contexts.forEach(BrowserContext::close);
        assertEquals(List.of(), problems, "console errors or uncaught exceptions in the pages");
    }

    @Test
    void aReaderMarksAPaperReadAndSavesItAndSeesItInHerLibraryAndFeedWhileAnotherReaderSeesNone() {
        Page a = open(1280, 900);
        Page b = open(1280, 900);
        a.navigate(root + "#/for-you");
        signIn(a, ada, "Ada");
        assertThat(a.getByTestId("empty")).containsText("you have no reading history");
        screenshot(a, "for-you-empty");
        a.navigate(root + "#/paper/" + ROFORMER);
        b.navigate(root + "#/paper/" + ROFORMER);
        signIn(b, ben, "Ben");

        Locator header = a.getByTestId("paper-header");
        Locator toggle = header.getByTestId("read-toggle");
        assertThat(toggle).hasAttribute("aria-pressed", "false");
        toggle.click();
        assertThat(toggle).hasAttribute("aria-pressed", "true");
        assertThat(header.getByTestId("read-status")).hasText("✓ read by you");
        saveToNewList(header, "Long context");
        screenshot(a, "reader-paper");

        a.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("My library")).click();
        Locator list = a.getByTestId("my-list");
        assertThat(list).hasCount(1);
        assertThat(list).containsText("Long context");
        assertThat(list.getByTestId("list-entry")).containsText(new String[] { ROFORMER_TITLE });
        Locator read = a.getByTestId("read-entry");
        assertThat(read).hasCount(1);
        assertThat(read).containsText(ROFORMER_TITLE);
        assertThat(read.getByTestId("read-at")).hasText("Read " + DAY.format(LocalDate.now(ZoneOffset.UTC)));
        Instant readAt = Instant.parse(read.getByTestId("read-at").getAttribute("datetime"));
        assertTrue(Duration.between(readAt, Instant.now()).abs().toMinutes() < 5, "read just now: " + readAt);
        screenshot(a, "my-library");

        a.navigate(root + "#/for-you");
        Locator feed = a.getByTestId("feed").getByTestId("recommendation");
        assertThat(feed.first()).isVisible();
        assertThat(feed.first().getByTestId("reason").first()).isVisible();
        assertThat(feed.first().getByTestId("because")).containsText(ROFORMER_TITLE);
        assertThat(a.getByTestId("feed").locator(".card-title", new Locator.LocatorOptions()
                .setHasText(ROFORMER_TITLE))).hasCount(0);
        screenshot(a, "for-you");

        b.reload();
        assertThat(b.getByTestId("paper-header").getByTestId("read-toggle")).hasAttribute("aria-pressed", "false");
        assertThat(b.getByTestId("paper-header").getByTestId("read-status")).hasText("not read by you");
        b.navigate(root + "#/library");
        assertThat(b.getByTestId("empty")).containsText(new String[] { "No lists yet", "Nothing read yet" });
        assertThat(b.getByText("Long context")).hasCount(0);
        b.navigate(root + "#/for-you");
        assertThat(b.getByTestId("empty")).containsText("you have no reading history");
    }

    @Test
    void anAnonymousVisitorSeesNoReaderControls() {
        Page page = open(1280, 900);
        page.navigate(root + "#/paper/" + ROFORMER);
        assertThat(page.getByTestId("paper-header")).containsText(ROFORMER_TITLE);
        assertThat(page.getByTestId("related").getByTestId("recommendation").first()).isVisible();

        assertThat(page.getByTestId("read-toggle")).hasCount(0);
        assertThat(page.getByTestId("save-to-list")).hasCount(0);
        assertThat(page.getByTestId("paper-header").getByTestId("mark-read")).isDisabled();
        assertThat(page.locator(".site-nav a[href='#/library']")).isHidden();
        assertThat(page.locator(".site-nav a[href='#/for-you']")).isHidden();
        assertThat(page.getByTestId("sign-out")).isHidden();
        assertThat(page.getByTestId("token-button")).hasText("Sign in");
        page.navigate(root + "#/search?q=rotary");
        assertThat(page.getByTestId("search-result").first()).isVisible();
        assertThat(page.getByTestId("read-toggle")).hasCount(0);
        page.navigate(root + "#/library");
        assertThat(page.getByTestId("sign-in-prompt")).containsText("Sign in to see your library");
        page.navigate(root + "#/for-you");
        assertThat(page.getByTestId("sign-in-prompt")).containsText("Sign in to get recommendations");
    }

    @Test
    void theToggleWorksOnSearchResultsAndRecommendationsAndKeepsItsStateAcrossReloads() {
        Page page = open(1280, 900);
        page.navigate(root + "#/search?q=rotary%20position");
        signIn(page, ada, "Ada");
        Locator result = page.getByTestId("search-result").filter(new Locator.FilterOptions()
                .setHasText(ROFORMER_TITLE));
        result.getByTestId("read-toggle").click();
        assertThat(result.getByTestId("read-toggle")).hasAttribute("aria-pressed", "true");
        page.navigate(root + "#/next/RoPE");
        Locator yarn = page.getByTestId("recommendation").filter(new Locator.FilterOptions().setHasText("YaRN"));
        yarn.getByTestId("read-toggle").click();
        assertThat(yarn.getByTestId("read-toggle")).hasAttribute("aria-pressed", "true");
        assertEquals(List.of(true, true), List.of(readByAda("RoPE"), readByAda("YaRN")));

        page.reload();
        assertThat(page.getByTestId("resolved-paper").getByTestId("read-toggle")).hasAttribute("aria-pressed", "true");
        assertThat(yarn.getByTestId("read-toggle")).hasAttribute("aria-pressed", "true");
        yarn.getByTestId("read-toggle").click();
        assertThat(yarn.getByTestId("read-toggle")).hasAttribute("aria-pressed", "false");
        assertThat(yarn.getByTestId("read-toggle")).isFocused();
        assertEquals(List.of(true, false), List.of(readByAda("RoPE"), readByAda("YaRN")));
    }

    @Test
    void theCourseReadingsCarryTheToggleToo() {
        Page page = open(1280, 900);
        page.navigate(root + "#/course/llm-901");
        signIn(page, ada, "Ada");
        Locator reading = page.getByTestId("session").filter(new Locator.FilterOptions()
                .setHasText("Positional Encodings and Long Context")).locator("li", new Locator.LocatorOptions()
                .setHasText(ROFORMER_TITLE));

        reading.getByTestId("read-toggle").click();

        assertThat(reading.getByTestId("read-toggle")).hasAttribute("aria-pressed", "true");
        assertEquals(true, readByAda("RoPE"));
    }

    @Test
    void savingOffersTheReadersOwnListsAndAddsToTheOneChosen() {
        GraphQL.as(ada, "mutation($p: ID!) { saveToList(paperId: $p, list: \"Week 1\") { position } }",
                Map.of("p", paperId(ROFORMER))).statusCode(200);
        GraphQL.as(ben, "mutation($p: ID!) { saveToList(paperId: $p, list: \"Ben's secret list\") { position } }",
                Map.of("p", paperId(ROFORMER))).statusCode(200);
        Page page = open(1280, 900);
        page.navigate(root + "#/next/RoPE");
        signIn(page, ada, "Ada");

        Locator yarn = page.getByTestId("recommendation").filter(new Locator.FilterOptions().setHasText("YaRN"));
        yarn.getByTestId("save-to-list").click();
        assertThat(yarn.getByTestId("save-to-list")).hasAttribute("aria-expanded", "true");
        Locator select = yarn.getByTestId("save-list-select");
        assertThat(select.locator("option")).hasText(new String[] { "Week 1", "A new list…" });
        assertThat(yarn.getByTestId("save-list-name")).isHidden();
        yarn.getByTestId("save-submit").click();
        assertThat(yarn.getByTestId("save-status")).hasText("Saved to Week 1.");

        page.navigate(root + "#/library");
        Locator week = page.getByTestId("my-list").filter(new Locator.FilterOptions().setHasText("Week 1"));
        assertThat(week.getByTestId("list-entry")).hasCount(2);
        assertThat(week.getByTestId("list-entry").nth(1)).containsText("YaRN");
        assertThat(page.getByTestId("read-entry")).hasCount(0);
    }

    @Test
    void aReaderDownloadsHerLibraryAsBibtexAndCslJsonAndImportsABibtexFileAsOneOfHerLists() throws Exception {
        GraphQL.as(ada, "mutation($p: ID!) { saveToList(paperId: $p, list: \"Week 1\") { position } }",
                Map.of("p", paperId(ROFORMER))).statusCode(200);
        Page page = open(1280, 900);
        page.navigate(root + "#/");
        signIn(page, ada, "Ada");
        page.navigate(root + "#/library");

        Download bib = page.waitForDownload(() -> page.getByTestId("export-bibtex").click());
        assertEquals("readnext-library.bib", bib.suggestedFilename());
        String bibtex = Files.readString(bib.path());
        assertTrue(bibtex.startsWith("@") && bibtex.contains("eprint") && bibtex.contains("2104.09864"), bibtex);
        Download csl = page.waitForDownload(() -> page.getByTestId("export-csl_json").click());
        JsonNode items = new ObjectMapper().readTree(Files.readString(csl.path()));
        assertEquals(1, items.size(), items.toString());
        assertTrue(items.get(0).path("title").asText().startsWith("RoFormer"), items.toString());

        String zotero = "@article{jiang2024mixtral, title = {{M}ixtral of {E}xperts}, author = {Jiang, Albert Q.},"
                + " journal = {arXiv preprint arXiv:2401.04088}, year = {2024}}\n";
        page.getByTestId("import-name").fill("From Zotero");
        page.getByTestId("import-file").setInputFiles(new FilePayload("library.bib", "application/x-bibtex",
                zotero.getBytes(StandardCharsets.UTF_8)));
        page.getByTestId("import-submit").click();
        assertThat(page.getByTestId("transfer-status")).containsText("Imported into “From Zotero”: 0 new papers");
        page.getByTestId("transfer-status").getByRole(AriaRole.LINK).click();
        Locator imported = page.getByTestId("my-list").filter(new Locator.FilterOptions().setHasText("From Zotero"));
        assertThat(imported.getByTestId("list-entry")).hasCount(1);
        assertThat(imported.getByTestId("list-entry")).containsText("Mixtral of Experts");
        screenshot(page, "library-transfer");
        // hers alone
        GraphQL.as(ben, "{ me { readingLists { name } } }", Map.of()).statusCode(200)
                .body("data.me.readingLists", org.hamcrest.Matchers.empty());
    }

    @Test
    void signingOutForgetsTheTokenAndTheReaderControls() {
        Page page = open(1280, 900);
        page.navigate(root + "#/library");
        signIn(page, ada, "Ada");
        assertThat(page.getByTestId("empty").first()).containsText("No lists yet");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("For you"))).isVisible();

        page.getByTestId("sign-out").click();

        assertThat(page.getByTestId("token-button")).hasText("Sign in");
        assertThat(page.getByTestId("token-button")).isFocused();
        assertThat(page.getByTestId("sign-in-prompt")).isVisible();
        assertThat(page.locator(".site-nav a[href='#/for-you']")).isHidden();
        assertEquals(null, page.evaluate("() => sessionStorage.getItem('readnext.editorToken')"));
        page.navigate(root + "#/paper/" + ROFORMER);
        assertThat(page.getByTestId("paper-header").getByTestId("mark-read")).isDisabled();
        assertThat(page.getByTestId("read-toggle")).hasCount(0);
    }

    @Test
    void anExpiredReaderTokenAsksToSignInAgainAndBrowsingGoesOnAnonymously() {
        // signed with the development key as Tokens signs, but expired a minute ago
        String expired = Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject("web-expired-" + UUID.randomUUID())
                .claim("name", "Old").expiresAt(Instant.now().minusSeconds(60)).sign("jwt/dev-private.pem");
        Page page = open(1280, 900);
        page.navigate(root + "#/paper/" + ROFORMER);
        page.getByTestId("token-button").click();
        page.getByTestId("token-input").fill(expired);
        page.getByTestId("token-save").click();

        assertThat(page.getByTestId("token-button")).hasText("Sign in again");
        assertThat(page.getByTestId("paper-header")).containsText(ROFORMER_TITLE);
        assertThat(page.getByTestId("related").getByTestId("recommendation").first()).isVisible();
        assertThat(page.getByTestId("read-toggle")).hasCount(0);
        assertThat(page.locator(".site-nav a[href='#/library']")).isHidden();
    }

    @Test
    void onA360PixelPhoneTheReaderViewsFitTheScreen() {
        GraphQL.as(ada, "mutation($p: ID!) { markRead(paperId: $p) { id } }", Map.of("p", paperId(ROFORMER)))
                .statusCode(200);
        Page page = open(360, 740);
        page.navigate(root + "#/paper/" + ROFORMER);
        signIn(page, ada, "Ada");
        page.getByTestId("paper-header").getByTestId("save-to-list").click();
        assertThat(page.getByTestId("paper-header").getByTestId("save-list-name")).isVisible();
        assertNoHorizontalScroll(page);
        screenshot(page, "phone-reader-paper");
        for (String view : List.of("library", "for-you")) {
            page.navigate(root + "#/" + view);
            assertThat(page.locator(view.equals("library") ? "[data-testid=read-entry]" : "[data-testid=feed]")
                    .first()).isVisible();
            assertNoHorizontalScroll(page);
            screenshot(page, "phone-" + view);
        }
    }

    private Page open(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setTimezoneId("UTC").setLocale("en-US"));
        contexts.add(context);
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                problems.add("console: " + message.text());
            }
        });
        page.onPageError(error -> problems.add("page error: " + error));
        return page;
    }

    /** Signs in as a person would: the token pasted into the dialog. */
    private static void signIn(Page page, String token, String name) {
        page.getByTestId("token-button").click();
        page.getByTestId("token-input").fill(token);
        page.getByTestId("token-save").click();
        assertThat(page.getByTestId("token-button")).hasText(name + " ✓");
        assertThat(page.getByTestId("sign-out")).isVisible();
    }

    private static void saveToNewList(Locator card, String name) {
        card.getByTestId("save-to-list").click();
        card.getByTestId("save-list-name").fill(name);
        card.getByTestId("save-submit").click();
        assertThat(card.getByTestId("save-status")).hasText("Saved to " + name + ".");
    }

    /** Whether Ada has read the paper the text names, as the API tells her. */
    private Boolean readByAda(String text) {
        return GraphQL.as(ada, "query($t: String!) { nextPapers(after: $t) { resolved { readByMe } } }",
                Map.of("t", text)).statusCode(200).extract().path("data.nextPapers.resolved.readByMe");
    }

    private static String paperId(String slug) {
        return GraphQL.ok("query($s: String) { paper(slug: $s) { id } }", Map.of("s", slug))
                .extract().jsonPath().getString("data.paper.id");
    }

    private static void assertNoHorizontalScroll(Page page) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertEquals(0, ((Number) overflow).intValue(), "the page is wider than the screen");
    }

    private static void screenshot(Page page, String view) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(view + ".png")).setFullPage(true));
    }
}
