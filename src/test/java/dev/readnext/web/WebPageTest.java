package dev.readnext.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import dev.readnext.graphql.GraphQL;
import dev.readnext.security.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The web page in a real browser against the service with the seed data: each view walked as a person would,
 * with no console errors, and a screenshot of each view in target/screenshots.
 */
@QuarkusTest
class WebPageTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String ROFORMER = "roformer-enhanced-transformer-with-rotary-position-embedding";

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    private BrowserContext context;
    private Page page;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

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
    void openPage() {
        open(1280, 900);
    }

    @AfterEach
    void pageHadNoErrors() {
        context.close();
        assertEquals(List.of(), problems, "console errors or uncaught exceptions in the page");
    }

    @Test
    void typingRopeShowsYarnAmongTheRecommendationsWithItsReasons() {
        var response = page.navigate(root.toString());
        assertEquals(200, response.status());
        assertTrue(response.headerValue("content-type").startsWith("text/html"));

        page.getByTestId("next-input").fill("RoPE");
        page.getByTestId("next-input").press("Enter");

        assertThat(page).hasURL(Pattern.compile("#/next/RoPE$"));
        assertThat(page.getByTestId("resolved-paper")).containsText("RoFormer");
        Locator yarn = recommendation("YaRN");
        assertThat(yarn.getByTestId("reason")).containsText(new String[] { "Next in the course" });
        assertThat(yarn.getByTestId("shared-terms")).containsText("RoPE");
        screenshot("what-next");
    }

    @Test
    void theNextDeepLinkShowsWhatToReadAfterRope() {
        page.navigate(root + "#/next/RoPE");

        assertThat(page.getByTestId("next-input")).hasValue("RoPE");
        assertThat(page.getByTestId("resolved-paper")).containsText("RoFormer: Enhanced Transformer");
        assertThat(recommendation("YaRN")).isVisible();
    }

    @Test
    void aSubjectIsAnsweredWithPapersAboutItReasonLinesAndDidYouMean() {
        page.navigate(root + "#/next/speculative%20decoding");

        assertThat(page.getByTestId("subject-heading")).containsText("Papers about “speculative decoding”");
        assertThat(page.getByTestId("subject-heading")).hasAttribute("data-interpretation", "TEXT");
        assertThat(page.getByTestId("resolved-paper")).hasCount(0);
        Locator first = page.getByTestId("recommendation").first();
        assertThat(first.getByTestId("reason")).containsText(new String[] { "Matches your words" });
        assertThat(first.getByTestId("reason-line")).containsText("Matches: ");
        assertThat(page.getByTestId("did-you-mean").getByTestId("suggestion").first()).isVisible();
        screenshot("about-a-subject");
    }

    @Test
    void aTopicNamedByTheTextIsShownAsTheInterpretation() {
        page.navigate(root + "#/next/optimizers%20for%20pretraining");

        assertThat(page.getByTestId("subject-heading")).hasAttribute("data-interpretation", "TOPIC");
        assertThat(page.getByTestId("reason").filter(new Locator.FilterOptions().setHasText("In the topic")).first())
                .isVisible();
    }

    @Test
    void recommendationsAfterAPaperSayTheirReasonsInWords() {
        page.navigate(root + "#/next/RoPE");

        Locator yarn = recommendation("YaRN");
        assertThat(yarn.getByTestId("reason-line")).containsText("same section: Week 2-1");
        assertThat(yarn.getByTestId("reason")).containsText(new String[] { "Builds on it" });
    }

    @Test
    void unknownTextShowsNotFoundWithSuggestionsThatLeadToRecommendations() {
        page.navigate(root + "#/next/zzqqxx");

        assertThat(page.getByTestId("not-found")).containsText("Nothing in the knowledge base matches “zzqqxx”");
        Locator suggestion = page.getByTestId("suggestion").first();
        String title = suggestion.textContent();
        screenshot("not-found");
        suggestion.click();

        assertThat(page.getByTestId("resolved-paper")).containsText(title);
        assertThat(page.getByTestId("recommendation").first()).isVisible();
    }

    @Test
    void searchFiltersByKindAndHighlightsTheMatches() {
        page.navigate(root + "#/search");
        assertThat(page.getByTestId("empty")).isVisible();
        page.getByTestId("search-input").fill("rotary position");
        page.getByTestId("search-input").press("Enter");
        assertThat(searchResult("Rotary Positional Embeddings: Combining Absolute and Relative")).isVisible();

        page.getByTestId("filter-kind").selectOption(new SelectOption().setValue("PAPER"));

        assertThat(page).hasURL(Pattern.compile("kind=PAPER"));
        assertThat(searchResult("Rotary Positional Embeddings: Combining Absolute and Relative")).hasCount(0);
        Locator roformer = searchResult("RoFormer");
        assertThat(roformer.locator("[data-testid=highlight] mark").first()).hasText(Pattern.compile("rotary",
                Pattern.CASE_INSENSITIVE));
        screenshot("search");
    }

    @Test
    void searchFiltersByTopicAndReadStatus() {
        page.navigate(root + "#/search?q=experts&topic=mixture-of-experts&read=read");

        assertThat(page.getByTestId("filter-topic")).hasValue("mixture-of-experts");
        assertThat(searchResult("Mixtral of Experts")).containsText("✓ read");
        assertThat(page.locator("[data-testid=search-result] [data-testid=read-status]", new Page.LocatorOptions()
                .setHasText("unread"))).hasCount(0);
    }

    @Test
    void aPaperShowsItsLinksListsCourseSessionsAndRelatedPapers() {
        page.navigate(root + "#/next/RoPE");
        page.getByTestId("resolved-paper").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("RoFormer: Enhanced Transformer with Rotary Position Embedding")).click();

        assertThat(page).hasURL(Pattern.compile("#/paper/" + ROFORMER + "$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("RoFormer: Enhanced Transformer with Rotary Position Embedding");
        Locator header = page.getByTestId("paper-header");
        assertThat(header.getByTestId("link-arxiv")).hasAttribute("href", "https://arxiv.org/abs/2104.09864");
        assertThat(header.getByTestId("link-pdf")).hasAttribute("href", "https://arxiv.org/pdf/2104.09864");
        assertThat(page.getByTestId("paper-lists")).containsText("LLM 901");
        assertThat(page.getByTestId("paper-lists")).containsText("LLMs_Reading_List");
        assertThat(page.getByTestId("paper-sessions")).containsText("Positional Encodings and Long Context");
        assertThat(page.getByTestId("paper-sessions")).containsText("Sep 15, 2025");
        assertThat(page.getByTestId("related").getByTestId("recommendation").filter(
                new Locator.FilterOptions().setHasText("YaRN"))).isVisible();
        screenshot("paper");
    }

    @Test
    void aPaperWithCodeLinksToItsRepository() {
        String slug = GraphQL.ok("{ papers(first: 100) { edges { node { slug codeUrl } } } }").extract().jsonPath()
                .getString("data.papers.edges.find { it.node.codeUrl != null }.node.slug");
        String codeUrl = GraphQL.ok("query($s: String) { paper(slug: $s) { codeUrl } }", Map.of("s", slug))
                .extract().jsonPath().getString("data.paper.codeUrl");

        page.navigate(root + "#/paper/" + slug);

        assertThat(page.getByTestId("paper-header").getByTestId("link-code")).hasAttribute("href", codeUrl);
    }

    @Test
    void aPaperOpensByItsGlobalIdAndByItsDatabaseId() {
        Map<String, Object> roformer = GraphQL.ok("query($s: String) { paper(slug: $s) { id databaseId title } }",
                Map.of("s", ROFORMER)).extract().path("data.paper");
        for (Object key : List.of(roformer.get("id"), roformer.get("databaseId"))) {
            page.navigate(root + "#/paper/" + key);

            assertThat(page.getByTestId("paper-header").getByRole(AriaRole.HEADING))
                    .hasText((String) roformer.get("title"));
        }
    }

    @Test
    void anUnknownPaperShowsTheNotFoundError() {
        page.navigate(root + "#/paper/no-such-paper");

        Locator error = page.getByTestId("error");
        assertThat(error).hasAttribute("data-code", "NOT_FOUND");
        assertThat(error).containsText("Not found");
        assertThat(error).containsText("no paper with slug no-such-paper");
    }

    @Test
    void aBrokenPageLinkShowsTheInputErrorWithItsField() {
        page.navigate(root + "#/topic/mixture-of-experts?after=not-a-cursor");

        Locator error = page.getByTestId("error");
        assertThat(error).hasAttribute("data-code", "BAD_USER_INPUT");
        assertThat(error).containsText("That input was not accepted");
        assertThat(error).containsText("(field: after)");
    }

    @Test
    void aRetryableServerErrorOffersToTryAgain() {
        AtomicBoolean failed = new AtomicBoolean();
        page.route("**/graphql", route -> {
            if (failed.compareAndSet(false, true)) {
                route.fulfill(new Route.FulfillOptions().setStatus(200)
                        .setContentType("application/json")
                        .setBody("{\"errors\":[{\"message\":\"The database is unavailable\","
                                + "\"extensions\":{\"code\":\"INTERNAL\",\"retryable\":true}}],\"data\":null}"));
            } else {
                route.resume();
            }
        });
        page.navigate(root + "#/course/llm-901");

        assertThat(page.getByTestId("error")).containsText("The database is unreachable at the moment");
        page.getByTestId("error").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Try again"))
                .click();

        assertThat(page.getByTestId("session").first()).isVisible();
    }

    @Test
    void theCourseIsATimelineOf26DatedSessionsWithReadings() {
        page.navigate(root.toString());
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Course")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("LLM 901");
        assertThat(page.getByTestId("session")).hasCount(26);
        assertThat(page.getByTestId("session-date")).hasCount(26);
        assertThat(page.getByTestId("session-date").first()).hasAttribute("datetime",
                Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$"));
        Locator rope = page.getByTestId("session").filter(new Locator.FilterOptions()
                .setHasText("Positional Encodings and Long Context"));
        assertThat(rope).containsText("Mon, Sep 15, 2025");
        assertThat(rope).containsText("Rotary positions stabilize attention");
        screenshot("course");
    }

    @Test
    void theTopicTreeShowsCountsAndATopicPagesThroughItsPapers() {
        int count = GraphQL.ok("{ topic(slug: \"mixture-of-experts\") { paperCount } }").extract().jsonPath()
                .getInt("data.topic.paperCount");
        page.navigate(root + "#/topics");
        Locator moe = page.getByTestId("topic-tree").getByTestId("topic-link")
                .filter(new Locator.FilterOptions().setHasText("Mixture Of Experts"));
        assertThat(moe).containsText(String.valueOf(count));
        assertThat(page.getByTestId("topic-tree").locator("li", new Locator.LocatorOptions().setHasText("Training LLMs"))
                .getByTestId("topic-link").filter(new Locator.FilterOptions().setHasText("Pretraining"))).isVisible();
        screenshot("topics");

        moe.click();
        assertThat(page.getByTestId("page-range")).hasText("Papers 1–12 of " + count);
        Set<String> firstPage = titlesOnPage();
        screenshot("topic");
        page.getByTestId("next-page").click();

        assertThat(page.getByTestId("page-range")).hasText("Papers 13–24 of " + count);
        Set<String> secondPage = titlesOnPage();
        assertEquals(12, secondPage.size());
        assertTrue(Collections.disjoint(firstPage, secondPage), "the next page shows other papers");
        page.getByTestId("first-page").click();
        assertThat(page.getByTestId("page-range")).hasText("Papers 1–12 of " + count);
    }

    @Test
    void aLearningPathShowsItsStepsAndTheProgress() {
        var path = GraphQL.ok("{ learningPath(slug: \"llm-901-1-1-1-architecture\") { steps { paper { lists { read } } } } }")
                .extract().jsonPath();
        int steps = path.getList("data.learningPath.steps").size();
        int read = path.getList("data.learningPath.steps.findAll { it.paper.lists.any { it.read } }").size();
        page.navigate(root + "#/topics");
        page.getByTestId("path-link").filter(new Locator.FilterOptions().setHasText("LLM 901: Architecture")).click();

        assertThat(page).hasURL(Pattern.compile("#/path/llm-901-1-1-1-architecture$"));
        assertThat(page.getByTestId("path-step")).hasCount(steps);
        assertThat(page.getByTestId("progress")).containsText(read + " of " + steps + " read");
        assertThat(page.getByRole(AriaRole.PROGRESSBAR)).hasAttribute("aria-valuenow", String.valueOf(read));
        screenshot("path");
    }

    @Test
    void anEditorMarksAPaperReadAndTheStatusIsStored() {
        page.navigate(root + "#/next/RoPE");
        Locator resolved = page.getByTestId("resolved-paper");
        assertThat(resolved.getByTestId("mark-read")).isDisabled();

        pasteToken(Tokens.editor());
        resolved.getByTestId("mark-read").click();

        try {
            assertThat(resolved.getByTestId("read-status")).hasText("✓ read");
            assertThat(resolved.getByTestId("mark-read")).hasText("Mark as unread");
            assertEquals(Set.of(true), Set.copyOf(readStatus(ROFORMER)), "ticked in every list: the owner read it");
            screenshot("mark-read");
        } finally {
            for (String list : List.of("llm-901", "llms-reading-list")) {
                GraphQL.as(Tokens.editor(), "mutation($l: String!, $p: ID!) { readStatusUpdate(input: { list: $l,"
                        + " paperId: $p, read: false }) { entry { read } } }", Map.of("l", list, "p", paperId(ROFORMER)))
                        .statusCode(200);
            }
        }
        assertEquals(Set.of(false), Set.copyOf(readStatus(ROFORMER)));
    }

    @Test
    void aTokenWithoutTheEditorRoleIsToldItMayNotEdit() {
        page.navigate(root + "#/next/RoPE");
        pasteToken(Tokens.withGroups(Set.of("reader"), Duration.ofHours(1)));

        page.getByTestId("resolved-paper").getByTestId("mark-read").click();

        Locator error = page.getByTestId("resolved-paper").getByTestId("error");
        assertThat(error).hasAttribute("data-code", "FORBIDDEN");
        assertThat(error).containsText("does not have the editor role");
        assertEquals(Set.of(false), Set.copyOf(readStatus(ROFORMER)));
    }

    @Test
    void anInvalidTokenIsAskedToBeReplacedWhileBrowsingStillWorks() {
        page.navigate(root + "#/next/RoPE");
        pasteToken("not-a-token");

        page.getByTestId("resolved-paper").getByTestId("mark-read").click();

        Locator error = page.getByTestId("resolved-paper").getByTestId("error");
        assertThat(error).hasAttribute("data-code", "UNAUTHENTICATED");
        assertThat(error).containsText("paste a fresh editor token");
        error.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change token")).click();
        assertThat(page.getByTestId("token-status")).containsText("does not look like a JWT");
        page.keyboard().press("Escape");
        page.navigate(root + "#/course/llm-901");
        assertThat(page.getByTestId("session")).hasCount(26);
        // the browser itself logs the 401 answer to the mutation
        problems.removeIf(problem -> problem.contains("status of 401"));
    }

    @Test
    void onAPhoneThePageFitsTheScreen() {
        context.close();
        open(390, 844);
        page.navigate(root + "#/next/RoPE");
        assertThat(recommendation("YaRN")).isVisible();

        assertNoHorizontalScroll();
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))).isVisible();
        screenshot("phone-what-next");
        page.navigate(root + "#/course/llm-901");
        assertThat(page.getByTestId("session").first()).isVisible();
        assertNoHorizontalScroll();
        screenshot("phone-course");
    }

    @Test
    void theKeyboardReachesTheInputThroughTheSkipLinkAndEnterSubmits() {
        page.navigate(root.toString());
        assertThat(page.getByTestId("next-input")).isVisible();

        page.keyboard().press("Tab");
        assertThat(page.getByTestId("skip-link")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("main")).isFocused();
        page.keyboard().press("Tab");
        assertThat(page.getByTestId("next-input")).isFocused();
        assertTrue(!"none".equals(page.getByTestId("next-input").evaluate("e => getComputedStyle(e).outlineStyle")),
                "the focused input shows a focus outline");
        page.keyboard().type("YaRN");
        page.keyboard().press("Enter");

        assertThat(page).hasURL(Pattern.compile("#/next/YaRN$"));
        assertThat(page.getByTestId("resolved-paper")).containsText("YaRN");
    }

    @Test
    void aFilterChangedWithTheKeyboardKeepsTheFocus() {
        page.navigate(root + "#/search?q=attention");
        assertThat(page.getByTestId("search-result").first()).isVisible();
        page.getByTestId("filter-read").focus();

        page.keyboard().press("ArrowDown");

        assertThat(page).hasURL(Pattern.compile("read=read"));
        assertThat(page.getByTestId("filter-read")).isFocused();
        assertThat(page.getByTestId("filter-read")).hasValue("read");
    }

    @Test
    void theFaviconIsServed() {
        assertEquals(200, page.request().get(root + "img/favicon.svg").status());
    }

    private void open(int width, int height) {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                problems.add("console: " + message.text());
            }
        });
        page.onPageError(error -> problems.add("page error: " + error));
    }

    private Locator recommendation(String title) {
        return page.getByTestId("recommendation").filter(new Locator.FilterOptions().setHasText(title));
    }

    private Locator searchResult(String title) {
        return page.getByTestId("search-result").filter(new Locator.FilterOptions().setHasText(title));
    }

    private Set<String> titlesOnPage() {
        return new HashSet<>(page.getByTestId("topic-papers").locator(".card-title").allTextContents());
    }

    private void pasteToken(String token) {
        page.getByTestId("token-button").click();
        page.getByTestId("token-input").fill(token);
        page.getByTestId("token-save").click();
        assertThat(page.getByTestId("token-button")).hasText("Editor ✓");
    }

    private void assertNoHorizontalScroll() {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertEquals(0, ((Number) overflow).intValue(), "the page is wider than the screen");
    }

    private static List<Boolean> readStatus(String slug) {
        return GraphQL.ok("query($s: String) { paper(slug: $s) { lists { read } } }", Map.of("s", slug))
                .extract().jsonPath().getList("data.paper.lists.read", Boolean.class);
    }

    private static String paperId(String slug) {
        return GraphQL.ok("query($s: String) { paper(slug: $s) { id } }", Map.of("s", slug))
                .extract().jsonPath().getString("data.paper.id");
    }

    private void screenshot(String view) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(view + ".png")).setFullPage(true));
    }
}
