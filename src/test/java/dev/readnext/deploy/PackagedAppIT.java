package dev.readnext.deploy;

import static dev.readnext.deploy.Deployables.ROOT;
import static dev.readnext.deploy.Deployables.at;
import static dev.readnext.deploy.Deployables.duration;
import static dev.readnext.deploy.Deployables.parse;
import static dev.readnext.deploy.Deployables.prodProperty;
import static dev.readnext.deploy.Deployables.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged application (target/quarkus-app) starts with exactly the settings the image and the manifests give
 * it ({@link PackagedApp}: schema readnext_it, emptied first, so this is a first start with migrations and seed
 * import). It must become ready, serve the probe and metrics endpoints, log JSON without a warning, and shut down
 * the way the pod's terminationGracePeriodSeconds expects.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedAppIT {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static PackagedApp app;

    @BeforeAll
    static void startThePackagedApp() throws Exception {
        app = PackagedApp.start("readnext_it", "packaged-app-it.log");
    }

    @AfterAll
    static void stopThePackagedApp() throws Exception {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void theProbeEndpointsAnswerUp() throws Exception {
        for (String path : List.of("/q/health/started", "/q/health/live", "/q/health/ready")) {
            HttpResponse<String> response = app.get(path);
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            assertTrue(response.body().contains("\"status\": \"UP\"") || response.body().contains("\"status\":\"UP\""), path + ": " + response.body());
        }
    }

    @Test
    void prometheusMetricsAreServed() throws Exception {
        HttpResponse<String> response = app.get("/q/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("# TYPE jvm_memory_used_bytes gauge"), "no JVM metrics in /q/metrics");
    }

    @Test
    void theSeedWasImportedAndGraphQLAnswers() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(app.uri("/graphql"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ course(slug: \\\"llm-901\\\") { slug } }\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"slug\":\"llm-901\""), response.body());
    }

    @Test
    void logsAreJson() throws Exception {
        List<String> started = Files.readAllLines(app.log()).stream().filter(line -> line.contains("Installed features")).toList();
        assertEquals(1, started.size(), "no start-up line in " + app.log());
        assertTrue(started.get(0).startsWith("{") && started.get(0).contains("\"level\":\"INFO\""), "not a JSON log line: " + started.get(0));
    }

    @Test
    void aCleanFirstStartLogsNoWarning() throws Exception {
        List<String> warnings = logRecords().stream().filter(r -> Set.of("WARN", "ERROR").contains(r.path("level").asText()))
                .map(JsonNode::toString).toList();
        assertEquals(List.of(), warnings);
    }

    @Test
    void theSeedImportListsItsWarningsWithTheirLines() throws Exception {
        List<String> messages = logRecords().stream().map(r -> r.path("message").asText()).toList();
        Matcher summary = Pattern.compile("Imported the bundled reading lists: .*, (\\d+) warnings?").matcher(
                messages.stream().filter(m -> m.startsWith("Imported the bundled")).findFirst().orElse(""));
        assertTrue(summary.matches(), "no seed import summary in " + app.log());
        List<String> listed = messages.stream().filter(m -> m.matches("Bundled list \".+\", line \\d+: .+")).toList();
        assertEquals(Integer.parseInt(summary.group(1)), listed.size(), "each warning of the summary, with its line: " + listed);
    }

    static List<JsonNode> logRecords() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(app.log())) {
            if (line.startsWith("{")) {
                records.add(json.readTree(line));
            }
        }
        return records;
    }

    /** Last: SIGTERM, as the kubelet sends it. Readiness must turn DOWN during the delay, and the JVM end in time. */
    @Test
    @Order(Integer.MAX_VALUE)
    void sigtermTurnsReadinessDownThenStopsWithinTheGracePeriod() throws Exception {
        Duration delay = duration(prodProperty("quarkus.shutdown.delay").orElse("0s"));
        assertTrue(delay.toMillis() >= 1000, "no shutdown delay in prod: pods would get traffic after SIGTERM");
        app.process().destroy();
        Instant deadline = Instant.now().plus(delay);
        int status = 200;
        while (status == 200 && Instant.now().isBefore(deadline)) {
            status = app.get("/q/health/ready").statusCode();
        }
        assertEquals(503, status, "readiness did not turn DOWN during the shutdown delay");

        Object deployment = parse(read(ROOT.resolve("k8s/base/deployment.yaml"))).get(0);
        int grace = ((Number) at(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds")).intValue();
        assertTrue(app.process().waitFor(grace, TimeUnit.SECONDS), "still running " + grace + " s after SIGTERM");
    }
}
