package dev.readnext.deploy;

import static dev.readnext.deploy.Deployables.ROOT;
import static dev.readnext.deploy.Deployables.at;
import static dev.readnext.deploy.Deployables.duration;
import static dev.readnext.deploy.Deployables.list;
import static dev.readnext.deploy.Deployables.parse;
import static dev.readnext.deploy.Deployables.prodProperty;
import static dev.readnext.deploy.Deployables.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * it: the Dockerfile's JVM options, the base ConfigMap's variables and the dev overlay's JWT key, pointed at the
 * local PostgreSQL (schema readnext_it, emptied first, so this is a first start with migrations and seed import)
 * on a free port. It must become ready, serve the probe and metrics endpoints, log JSON without a warning, and shut
 * down the way the pod's terminationGracePeriodSeconds expects.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedAppIT {

    static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final String SCHEMA = "readnext_it";
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static Process app;
    static Path log;
    static int port;

    @BeforeAll
    static void startThePackagedApp() throws Exception {
        Path jar = ROOT.resolve("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), jar + " is missing: run ./mvnw package first");
        dropSchema();
        port = freePort();
        log = ROOT.resolve("target/packaged-app-it.log");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(imageJvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Files.createTempDirectory("readnext-it").toFile()) // no config/ or .env of ours nearby
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("READNEXT_") || name.startsWith("MP_"));
        builder.environment().putAll(podEnvironment());
        app = builder.start();
        awaitReady();
    }

    @AfterAll
    static void stopThePackagedApp() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        dropSchema();
    }

    @Test
    void theProbeEndpointsAnswerUp() throws Exception {
        for (String path : List.of("/q/health/started", "/q/health/live", "/q/health/ready")) {
            HttpResponse<String> response = get(path);
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            assertTrue(response.body().contains("\"status\": \"UP\"") || response.body().contains("\"status\":\"UP\""), path + ": " + response.body());
        }
    }

    @Test
    void prometheusMetricsAreServed() throws Exception {
        HttpResponse<String> response = get("/q/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("# TYPE jvm_memory_used_bytes gauge"), "no JVM metrics in /q/metrics");
    }

    @Test
    void theSeedWasImportedAndGraphQLAnswers() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ course(slug: \\\"llm-901\\\") { slug } }\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"slug\":\"llm-901\""), response.body());
    }

    @Test
    void logsAreJson() throws Exception {
        List<String> started = Files.readAllLines(log).stream().filter(line -> line.contains("Installed features")).toList();
        assertEquals(1, started.size(), "no start-up line in " + log);
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
        assertTrue(summary.matches(), "no seed import summary in " + log);
        List<String> listed = messages.stream().filter(m -> m.matches("Bundled list \".+\", line \\d+: .+")).toList();
        assertEquals(Integer.parseInt(summary.group(1)), listed.size(), "each warning of the summary, with its line: " + listed);
    }

    static List<JsonNode> logRecords() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
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
        app.destroy();
        Instant deadline = Instant.now().plus(delay);
        int status = 200;
        while (status == 200 && Instant.now().isBefore(deadline)) {
            status = get("/q/health/ready").statusCode();
        }
        assertEquals(503, status, "readiness did not turn DOWN during the shutdown delay");

        Object deployment = parse(read(ROOT.resolve("k8s/base/deployment.yaml"))).get(0);
        int grace = ((Number) at(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds")).intValue();
        assertTrue(app.waitFor(grace, TimeUnit.SECONDS), "still running " + grace + " s after SIGTERM");
    }

    // ---- the settings of the image and the manifests -------------------------------------------------------------

    /** JAVA_OPTS_APPEND of the Dockerfile, which the image's run-java.sh passes to the JVM. */
    static List<String> imageJvmOptions() {
        String options = Deployables.dockerfileEnv("JAVA_OPTS_APPEND").orElseThrow(() -> new AssertionError("no JAVA_OPTS_APPEND"));
        return Arrays.asList(options.trim().split("\\s+"));
    }

    /** The base ConfigMap's variables and the dev JWT key, with the database and port of this machine. */
    static Map<String, String> podEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        Object kustomization = parse(read(ROOT.resolve("k8s/base/kustomization.yaml"))).get(0);
        for (Object generator : list(at(kustomization, "configMapGenerator"))) {
            if (!"readnext-config".equals(at(generator, "name"))) {
                continue; // the import job's settings
            }
            for (Object literal : list(at(generator, "literals"))) {
                String[] keyValue = String.valueOf(literal).split("=", 2);
                env.put(keyValue[0], keyValue[1]);
            }
        }
        Object devSecret = parse(read(ROOT.resolve("k8s/overlays/dev/secrets.yaml"))).get(0);
        env.put("MP_JWT_VERIFY_PUBLICKEY", String.valueOf(at(devSecret, "stringData", "MP_JWT_VERIFY_PUBLICKEY")));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", JDBC_URL);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("READNEXT_SCHEMA", SCHEMA);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        return env;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    static void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                fail("the packaged app exited with " + app.exitValue() + ":\n" + tail());
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(500);
        }
        fail("the packaged app was not ready within " + START_TIMEOUT + ":\n" + tail());
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void dropSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(JDBC_URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

}
