package dev.readnext.faults;

import static dev.readnext.graphql.GraphQL.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.readnext.ingest.ImportFailureInjector;
import dev.readnext.security.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** The database goes away while the service runs (a proxy in front of it is cut), then comes back. */
@QuarkusTest
@TestProfile(DatabaseOutageTest.BehindProxy.class)
class DatabaseOutageTest {

    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(DatabaseBehindProxy.class));
        }
    }

    private static final String IMPORT = """
            mutation I($content: String!) { importReadingList(name: "Outage list", content: $content) { created } }""";
    private static final String COUNT = "{ papers(first: 0) { totalCount } }";

    @Inject
    ImportFailureInjector injector;

    @AfterEach
    void restore() {
        DatabaseBehindProxy.proxy.restore();
        injector.disarm();
    }

    @Test
    void readinessGoesDownQueriesFailFastAndEverythingRecovers() {
        assertTrue(waitFor(Duration.ofSeconds(10), () -> ready() == 200), "ready before the outage");

        DatabaseBehindProxy.proxy.cut();
        Instant cut = Instant.now();
        assertTrue(waitFor(Duration.ofSeconds(10), () -> ready() == 503), "readiness down during the outage");
        Duration untilDown = Duration.between(cut, Instant.now());

        Instant asked = Instant.now();
        as(null, COUNT, Map.of()).statusCode(200)
                .body("errors[0].extensions.code", equalTo("INTERNAL"))
                .body("errors[0].extensions.retryable", equalTo(true))
                .body("errors[0].message", containsString("database"));
        Duration answeredIn = Duration.between(asked, Instant.now());

        DatabaseBehindProxy.proxy.restore();
        assertTrue(waitFor(Duration.ofSeconds(15), () -> ready() == 200), "ready again after the outage");
        assertTrue(waitFor(Duration.ofSeconds(5), () -> as(null, COUNT, Map.of()).extract().path("errors") == null),
                "queries answer again");
        assertTrue(untilDown.toSeconds() <= 6, "readiness went down after " + untilDown);
        assertTrue(answeredIn.toSeconds() <= 6, "a query during the outage failed after " + answeredIn);
    }

    @Test
    void importCutOffHalfWayLeavesNothingBehind() {
        int before = as(null, COUNT, Map.of()).extract().path("data.papers.totalCount");
        injector.onChange(2, () -> DatabaseBehindProxy.proxy.cut());
        String list = "# Outage\n- [A](https://arxiv.org/abs/2401.10001)\n- [B](https://arxiv.org/abs/2401.10002)\n"
                + "- [C](https://arxiv.org/abs/2401.10003)\n- [D](https://arxiv.org/abs/2401.10004)\n";
        as(Tokens.editor(), IMPORT, Map.of("content", list)).body("errors[0].extensions.code", equalTo("INTERNAL"));

        DatabaseBehindProxy.proxy.restore();
        assertTrue(waitFor(Duration.ofSeconds(15), () -> ready() == 200), "ready again");
        assertTrue(waitFor(Duration.ofSeconds(5), () -> as(null, COUNT, Map.of()).extract().path("errors") == null));
        assertEquals(before, (int) as(null, COUNT, Map.of()).extract().path("data.papers.totalCount"));
        as(null, "{ readingLists { slug } }", Map.of()).body("data.readingLists.slug",
                org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("outage-list")));
    }

    private static int ready() {
        return given().get("/q/health/ready").statusCode();
    }

    private static boolean waitFor(Duration limit, BooleanSupplier condition) {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
