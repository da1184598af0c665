package dev.readnext.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The GraphQL UI (GraphiQL, at /q/graphql-ui) loads the schema: its introspection query is answered in full. */
@QuarkusTest
class GraphQLUiTest {

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/q/graphql-ui")
    URL ui;

    @BeforeAll
    static void launchBrowser() {
        playwright = SystemChromium.playwright();
        browser = SystemChromium.launch(playwright);
    }

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void graphiqlLoadsTheSchema() throws Exception {
        try (Page page = browser.newPage()) {
            Response introspection = page.waitForResponse(
                    response -> response.url().endsWith("/graphql") && "POST".equals(response.request().method())
                            && String.valueOf(response.request().postData()).contains("__schema"),
                    () -> page.navigate(ui.toString()));

            assertEquals(200, introspection.status());
            JsonNode body = new ObjectMapper().readTree(introspection.text());
            assertFalse(body.has("errors"), String.valueOf(body.get("errors")));
            assertEquals("Query", body.at("/data/__schema/queryType/name").asText());
            assertThat(page.locator("body")).not().containsText("depth exceeded");
        }
    }
}
