package dev.readnext.deploy;

import static dev.readnext.deploy.Deployables.ROOT;
import static dev.readnext.deploy.Deployables.at;
import static dev.readnext.deploy.Deployables.list;
import static dev.readnext.deploy.Deployables.onlyContainer;
import static dev.readnext.deploy.Deployables.parse;
import static dev.readnext.deploy.Deployables.read;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The packaged application (target/quarkus-app) started as the pod starts it: the image's JVM options, the
 * container's CPU and memory limits as the JVM would see them in the pod ({@code -XX:ActiveProcessorCount},
 * {@code -XX:MaxRAM}: there the JVM reads them from the cgroup, here it would size itself by the whole machine),
 * the base ConfigMap's variables and the dev overlay's JWT key, pointed at the local PostgreSQL on a free port, in
 * a schema of its own that is emptied first (so every start is a first start: migrations and seed import).
 */
final class PackagedApp {

    static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String schema;
    private final Process process;
    private final Path log;
    private final int port;

    private PackagedApp(String schema, Process process, Path log, int port) {
        this.schema = schema;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the packaged app on an emptied schema and waits until it is ready; its output goes to target/{logName}. */
    static PackagedApp start(String schema, String logName) throws Exception {
        Path jar = ROOT.resolve("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), jar + " is missing: run ./mvnw package first");
        dropSchema(schema);
        int port = freePort();
        Path log = ROOT.resolve("target").resolve(logName);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(containerJvmLimits());
        command.addAll(imageJvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Files.createTempDirectory("readnext-it").toFile()) // no config/ or .env of ours nearby
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("READNEXT_") || name.startsWith("MP_"));
        builder.environment().putAll(podEnvironment(schema, port));
        PackagedApp app = new PackagedApp(schema, builder.start(), log, port);
        app.awaitReady();
        return app;
    }

    /** Kills the app if it still runs and drops its schema. */
    void stop() throws Exception {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        dropSchema(schema);
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, Duration.ofSeconds(5));
    }

    HttpResponse<String> get(String path, Duration timeout) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The app's tables, for JDBC checks: a data source whose search path is the app's schema. */
    DataSource database() {
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setURL(JDBC_URL);
        db.setUser("postgres");
        db.setCurrentSchema(schema);
        return db;
    }

    /** The last 40 lines of the app's output. */
    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    // ---- the settings of the image and the manifests -------------------------------------------------------------

    /**
     * What the image's run-java.sh gives the JVM: its defaults, from the variables the Dockerfile may set
     * (jboss-container-images/openjdk, java-default-options), then the Dockerfile's JAVA_OPTS_APPEND.
     */
    static List<String> imageJvmOptions() {
        List<String> options = new ArrayList<>(List.of(
                "-XX:MaxRAMPercentage=" + imageEnv("JAVA_MAX_MEM_RATIO", "50"),
                imageEnv("GC_CONTAINER_OPTIONS", "-XX:+UseParallelGC"),
                "-XX:MinHeapFreeRatio=" + imageEnv("GC_MIN_HEAP_FREE_RATIO", "10"),
                "-XX:MaxHeapFreeRatio=" + imageEnv("GC_MAX_HEAP_FREE_RATIO", "20"),
                "-XX:GCTimeRatio=" + imageEnv("GC_TIME_RATIO", "4"),
                "-XX:AdaptiveSizePolicyWeight=" + imageEnv("GC_ADAPTIVE_SIZE_POLICY_WEIGHT", "90"),
                "-XX:+ExitOnOutOfMemoryError"));
        Arrays.stream(imageEnv("JAVA_OPTS_APPEND", "").split("\\s+")).filter(o -> !o.isEmpty()).forEach(options::add);
        return options;
    }

    private static String imageEnv(String name, String otherwise) {
        return Deployables.dockerfileEnv(name).orElse(otherwise);
    }

    /** What the JVM reads from the container's cgroup in the pod: its CPU limit (rounded up) and memory limit. */
    static List<String> containerJvmLimits() {
        int cpus = (int) Math.ceil(cpus(String.valueOf(containerLimit("cpu"))));
        return List.of("-XX:ActiveProcessorCount=" + Math.max(1, cpus), "-XX:MaxRAM=" + memoryLimitBytes());
    }

    /** The container's memory limit in the base Deployment, in bytes. */
    static long memoryLimitBytes() {
        return bytes(String.valueOf(containerLimit("memory")));
    }

    /** The base ConfigMap's variables and the dev JWT key, with the database, schema and port of this machine. */
    static Map<String, String> podEnvironment(String schema, int port) {
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
        env.put("READNEXT_SCHEMA", schema);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        return env;
    }

    private static Object containerLimit(String resource) {
        Map<String, Object> deployment = parse(read(ROOT.resolve("k8s/base/deployment.yaml"))).get(0);
        Object limit = at(onlyContainer(deployment), "resources", "limits", resource);
        if (limit == null) {
            throw new AssertionError("the container has no " + resource + " limit");
        }
        return limit;
    }

    /** Kubernetes CPU quantities: {@code "1"}, {@code 2}, {@code "500m"}. */
    static double cpus(String quantity) {
        return quantity.endsWith("m") ? Double.parseDouble(quantity.substring(0, quantity.length() - 1)) / 1000
                : Double.parseDouble(quantity);
    }

    /** Kubernetes memory quantities: {@code 1Gi}, {@code 512Mi}, {@code 1G}, {@code 1000000}. */
    static long bytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)([KMGT]i?)?").matcher(quantity.trim());
        if (!m.matches()) {
            throw new AssertionError("not a memory quantity: " + quantity);
        }
        long amount = Long.parseLong(m.group(1));
        if (m.group(2) == null) {
            return amount;
        }
        long base = m.group(2).endsWith("i") ? 1024 : 1000;
        int power = "KMGT".indexOf(m.group(2).charAt(0)) + 1;
        return amount * (long) Math.pow(base, power);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("the packaged app exited with " + process.exitValue() + ":\n" + tail());
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void dropSchema(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(JDBC_URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
