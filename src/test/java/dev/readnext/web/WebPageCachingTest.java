package dev.readnext.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Browsers cache the web page safely: index.html is revalidated on every visit, every asset it loads (modules through
 * the import map) is named by a version of its content and cached for good under that name, and only under it.
 */
@QuarkusTest
class WebPageCachingTest {

    static final String FOR_GOOD = "public, max-age=31536000, immutable";
    static final Pattern VERSIONED = Pattern.compile("\"\\.?/?([^\"?#:]+)\\?v=([0-9a-f]+)\"");
    static final Pattern MODULE_IMPORT = Pattern.compile("\\b(?:from|import)\\s*\\(?\\s*['\"](\\.{1,2}/[^'\"]+)['\"]");

    @Test
    void theIndexPageIsRevalidatedOnEveryVisit() {
        for (String path : List.of("/", "/index.html")) {
            given().get(path).then()
                    .statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Cache-Control", "no-cache")
                    .header("ETag", containsString("\""));
        }
    }

    @Test
    void anUnchangedIndexPageIsNotSentAgain() {
        String etag = given().get("/").header("ETag");
        given().header("If-None-Match", etag).get("/").then()
                .statusCode(304)
                .header("Cache-Control", "no-cache")
                .body(emptyString());
    }

    @Test
    void everyAssetOfThePageIsNamedByTheVersionOfItsContentAndCachedForGood() throws Exception {
        Map<String, String> assets = versionedAssets(given().get("/").asString());
        assertTrue(assets.keySet().containsAll(List.of("/app.css", "/img/favicon.svg", "/js/app.js", "/js/views/next.js")),
                "versioned assets: " + assets.keySet());
        for (Map.Entry<String, String> asset : assets.entrySet()) {
            Response response = given().get(asset.getKey() + "?v=" + asset.getValue());
            assertEquals(200, response.statusCode(), asset.getKey());
            assertEquals(FOR_GOOD, response.header("Cache-Control"), asset.getKey());
            assertEquals(sha256(response.asByteArray()).substring(0, asset.getValue().length()), asset.getValue(),
                    asset.getKey() + ": the version is not that of the content served");
        }
    }

    @Test
    void everyModuleAModuleImportsIsInTheImportMap() {
        Map<String, String> assets = versionedAssets(given().get("/").asString());
        for (String module : assets.keySet().stream().filter(path -> path.endsWith(".js")).toList()) {
            Matcher imported = MODULE_IMPORT.matcher(given().get(module).asString());
            while (imported.find()) {
                String path = URI.create(module).resolve(imported.group(1)).getPath();
                assertTrue(assets.containsKey(path), module + " imports " + path + ", which the import map lacks");
            }
        }
    }

    @Test
    void anAssetAskedForWithoutItsCurrentVersionIsRevalidated() {
        given().get("/js/app.js").then().statusCode(200).header("Cache-Control", "no-cache");
        given().get("/js/app.js?v=000000000000").then().statusCode(200).header("Cache-Control", "no-cache");
        given().get("/app.css").then().statusCode(200).header("Cache-Control", "no-cache");
    }

    @Test
    void theApiIsNotCachedAsAnAsset() {
        given().contentType("application/json").body("{\"query\": \"{ __typename }\"}").post("/graphql").then()
                .statusCode(200)
                .body("data.__typename", equalTo("Query"));
        assertFalse(String.valueOf(given().get("/q/health/live").header("Cache-Control")).contains("immutable"));
    }

    /** Each versioned URL of the page (attributes and import map), as path → version. */
    static Map<String, String> versionedAssets(String html) {
        Map<String, String> assets = new LinkedHashMap<>();
        Matcher m = VERSIONED.matcher(html);
        while (m.find()) {
            String previous = assets.put("/" + m.group(1), m.group(2));
            assertTrue(previous == null || previous.equals(m.group(2)), m.group(1) + " has two versions");
        }
        return assets;
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
