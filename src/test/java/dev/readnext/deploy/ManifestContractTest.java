package dev.readnext.deploy;

import static dev.readnext.deploy.Deployables.appPort;
import static dev.readnext.deploy.Deployables.at;
import static dev.readnext.deploy.Deployables.configMap;
import static dev.readnext.deploy.Deployables.dockerfile;
import static dev.readnext.deploy.Deployables.dockerfileEnv;
import static dev.readnext.deploy.Deployables.dockerfileExposedPorts;
import static dev.readnext.deploy.Deployables.duration;
import static dev.readnext.deploy.Deployables.find;
import static dev.readnext.deploy.Deployables.list;
import static dev.readnext.deploy.Deployables.map;
import static dev.readnext.deploy.Deployables.onlyContainer;
import static dev.readnext.deploy.Deployables.prodProperty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes manifests and the image agree with what the application serves and reads: probe paths, ports,
 * environment variable names, shutdown timing, metrics. Reads the overlays as {@code kubectl kustomize} renders
 * them (the base files as written where kubectl is missing).
 */
class ManifestContractTest {

    /**
     * Properties the app reads that application.properties does not name: set only from the environment
     * (secrets) or defaults of Quarkus and MicroProfile JWT.
     */
    static final Set<String> READ_BUT_NOT_IN_PROPERTIES = Set.of(
            "mp.jwt.verify.publickey", "quarkus.http.port");

    /** The one switch between readable and JSON logs. */
    static final String JSON_LOGS = "quarkus.log.console.json.enabled";

    /** Each overlay as kubectl renders it, or the base files as written where kubectl is missing. */
    static Stream<Arguments> deployments() {
        if (!Deployables.kubectlAvailable()) {
            return Stream.of(Arguments.of("k8s/base files (kubectl missing)", Deployables.baseFiles()));
        }
        return Deployables.OVERLAYS.stream().map(o -> Arguments.of("overlays/" + o, Deployables.render(o)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void probesAskTheHealthEndpointsTheAppServes(String source, List<Map<String, Object>> objects) {
        Map<String, Object> container = onlyContainer(find(objects, "Deployment", "readnext"));
        assertEquals(health("liveness-path", "live"), probePath(container, "livenessProbe"), source);
        assertEquals(health("readiness-path", "ready"), probePath(container, "readinessProbe"), source);
        assertTrue(Set.of(health("startup-path", "started"), health("readiness-path", "ready"))
                .contains(probePath(container, "startupProbe")), source + ": startupProbe " + probePath(container, "startupProbe"));
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertEquals(appPort(), containerPort(container, at(container, probe, "httpGet", "port")), source + ": " + probe + " port");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void theContainerPortIsTheHttpPortTheAppListensOn(String source, List<Map<String, Object>> objects) {
        Map<String, Object> container = onlyContainer(find(objects, "Deployment", "readnext"));
        int listensOn = list(container.get("env")).stream().map(Deployables::map)
                .filter(e -> "QUARKUS_HTTP_PORT".equals(e.get("name")))
                .map(e -> Integer.parseInt(String.valueOf(e.get("value"))))
                .findFirst().orElse(appPort());
        assertEquals(listensOn, containerPort(container, "http"), source);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void theServiceSendsTrafficToTheAppPort(String source, List<Map<String, Object>> objects) {
        Map<String, Object> container = onlyContainer(find(objects, "Deployment", "readnext"));
        for (Map<String, Object> port : Deployables.<Map<String, Object>>list(at(find(objects, "Service", "readnext"), "spec", "ports"))) {
            assertEquals(appPort(), containerPort(container, port.get("targetPort")), source + ": Service port " + port.get("name"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void everyEnvironmentVariableSetsAPropertyTheAppReads(String source, List<Map<String, Object>> objects) {
        Set<String> readable = readableEnvNames();
        Set<String> set = new TreeSet<>();
        list(onlyContainer(find(objects, "Deployment", "readnext")).get("env")).forEach(e -> set.add(String.valueOf(map(e).get("name"))));
        if (source.startsWith("overlays/")) {
            set.addAll(map(configMap(objects, "readnext-config").get("data")).keySet());
        }
        Set<String> unknown = set.stream().filter(name -> !readable.contains(name)).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(unknown.isEmpty(), source + ": no property of the app reads " + unknown);
        assertTrue(set.containsAll(Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")),
                source + ": the database settings are missing from " + set);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void podsOutliveTheGracefulShutdown(String source, List<Map<String, Object>> objects) {
        Duration shutdown = duration(prodProperty("quarkus.shutdown.delay").orElse("0s"))
                .plus(duration(prodProperty("quarkus.shutdown.timeout").orElse("0s")));
        Object grace = at(find(objects, "Deployment", "readnext"), "spec", "template", "spec", "terminationGracePeriodSeconds");
        int graceSeconds = grace == null ? 30 : ((Number) grace).intValue();
        assertTrue(graceSeconds > shutdown.toSeconds(),
                source + ": terminationGracePeriodSeconds " + graceSeconds + " must exceed shutdown delay + timeout " + shutdown);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void prometheusScrapesTheMetricsEndpoint(String source, List<Map<String, Object>> objects) {
        Map<String, Object> annotations = map(at(find(objects, "Deployment", "readnext"), "spec", "template", "metadata", "annotations"));
        assertEquals("true", annotations.get("prometheus.io/scrape"), source);
        assertEquals(nonApplication(prodProperty("quarkus.micrometer.export.prometheus.path").orElse("metrics")),
                annotations.get("prometheus.io/path"), source);
        assertEquals(String.valueOf(appPort()), annotations.get("prometheus.io/port"), source);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void theImageRunsAsTheUserThePodRequires(String source, List<Map<String, Object>> objects) {
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\d+)\\s*$").matcher(dockerfile());
        assertTrue(user.find(), "the Dockerfile names no numeric USER");
        Map<String, Object> container = onlyContainer(find(objects, "Deployment", "readnext"));
        assertEquals(Integer.parseInt(user.group(1)), at(container, "securityContext", "runAsUser"), source);
        assertEquals(true, at(container, "securityContext", "readOnlyRootFilesystem"), source);
        assertTrue(list(container.get("volumeMounts")).stream().anyMatch(m -> "/tmp".equals(map(m).get("mountPath"))),
                source + ": a read-only root file system needs a writable /tmp");
    }

    @Test
    void theImageExposesTheAppPort() {
        assertEquals(List.of(appPort()), dockerfileExposedPorts());
    }

    @Test
    void theImageStartsTheJvmForAContainer() {
        String options = dockerfileEnv("JAVA_OPTS_APPEND").orElseThrow(() -> new AssertionError("no JAVA_OPTS_APPEND"));
        for (String option : List.of("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Dquarkus.http.host=0.0.0.0")) {
            assertTrue(options.contains(option), "JAVA_OPTS_APPEND lacks " + option);
        }
        for (String part : List.of("lib/", "app/", "quarkus/", "*.jar")) {
            assertTrue(dockerfile().contains("COPY --chown=185 target/quarkus-app/" + part), "the image lacks the fast-jar part " + part);
        }
    }

    @Test
    void theMinimumHeapFitsUnderTheMaximumHeapOfTheContainer() {
        String options = dockerfileEnv("JAVA_OPTS_APPEND").orElseThrow(() -> new AssertionError("no JAVA_OPTS_APPEND"));
        Matcher xms = Pattern.compile("-Xms(\\d+)m\\b").matcher(options);
        Matcher ratio = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(options);
        assertTrue(xms.find() && ratio.find(), "JAVA_OPTS_APPEND sets -Xms<n>m and -XX:MaxRAMPercentage: " + options);
        long maxHeap = PackagedApp.memoryLimitBytes() * Long.parseLong(ratio.group(1)) / 100;
        assertTrue(Long.parseLong(xms.group(1)) << 20 <= maxHeap, "-Xms" + xms.group(1) + "m exceeds the maximum heap of "
                + (maxHeap >> 20) + " MiB: the JVM would not start in the pod");
    }

    @Test
    void logsAreTextByDefaultAndJsonInTheImage() {
        assertEquals("false", prodProperty(JSON_LOGS).orElse("true"), "java -jar must log readable text");
        assertEquals(Optional.of("true"), dockerfileEnv(Deployables.envName(JSON_LOGS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void podsLogJson(String source, List<Map<String, Object>> objects) {
        Assumptions.assumeTrue(source.startsWith("overlays/"), "the ConfigMap is generated by kustomize");
        assertEquals("true", map(configMap(objects, "readnext-config").get("data")).get(Deployables.envName(JSON_LOGS)), source);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void thePodsRunTheImageTheDocsTellYouToBuild(String source, List<Map<String, Object>> objects) {
        Assumptions.assumeTrue(source.startsWith("overlays/"), "kustomize sets the image");
        Set<Object> images = Stream.of(onlyContainer(find(objects, "Deployment", "readnext")), importContainer(objects))
                .map(container -> container.get("image")).collect(Collectors.toSet());
        Set<Object> built = new TreeSet<>();
        for (String doc : List.of("src/main/docker/Dockerfile.jvm", "README.md", "k8s/README.md")) {
            Matcher tag = Pattern.compile("docker build .* -t (\\S+)").matcher(Deployables.read(Deployables.ROOT.resolve(doc)));
            while (tag.find()) {
                built.add(tag.group(1));
            }
        }
        assertEquals(images, built, source + ": images run vs. built in the docs");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void theImportJobRunsTheImportCommandAgainstTheServicesDatabase(String source, List<Map<String, Object>> objects) {
        Map<String, Object> job = importContainer(objects);
        assertEquals("import-arxiv", list(job.get("args")).get(0), source);
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\d+)\\s*$").matcher(dockerfile());
        assertTrue(user.find(), "the Dockerfile names no numeric USER");
        assertEquals(Integer.parseInt(user.group(1)), at(find(objects, "CronJob", "readnext-import-arxiv"), "spec",
                "jobTemplate", "spec", "template", "spec", "securityContext", "runAsUser"), source);
        assertTrue(list(job.get("volumeMounts")).stream().anyMatch(m -> "/tmp".equals(map(m).get("mountPath"))),
                source + ": the import's read-only root file system needs a writable /tmp");
        Map<Object, Object> service = envSources(onlyContainer(find(objects, "Deployment", "readnext")));
        Map<Object, Object> imports = envSources(job);
        for (String name : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "READNEXT_SCHEMA")) {
            assertEquals(service.get(name), imports.get(name), source + ": " + name);
        }
        Set<String> unknown = new TreeSet<>();
        imports.keySet().forEach(name -> unknown.add(String.valueOf(name)));
        unknown.removeAll(readableEnvNames());
        assertTrue(unknown.isEmpty(), source + ": no property of the app reads " + unknown);
    }

    @Test
    void theIngressServesThePageAndTheApiButNotHealthOrMetrics() {
        Assumptions.assumeTrue(Deployables.kubectlAvailable(), "kubectl is missing");
        Map<String, Object> ingress = find(Deployables.render("prod"), "Ingress", "readnext");
        List<Map<String, Object>> paths = list(at(list(at(ingress, "spec", "rules")).get(0), "http", "paths"));
        for (String path : List.of("/", "/index.html", "/app.css", "/js/app.js", "/js/views/next.js", "/img/favicon.svg",
                "/graphql", "/q/graphql-ui/")) {
            assertTrue(paths.stream().anyMatch(p -> routes(p, path)), path + " is not routed");
        }
        for (String path : List.of(health("liveness-path", "live"), health("readiness-path", "ready"),
                nonApplication(prodProperty("quarkus.micrometer.export.prometheus.path").orElse("metrics")))) {
            assertTrue(paths.stream().noneMatch(p -> routes(p, path)), path + " is public");
        }
    }

    @Test
    void theIngressLetsTheLargestRequestThrough() {
        Assumptions.assumeTrue(Deployables.kubectlAvailable(), "kubectl is missing");
        Map<String, Object> ingress = find(Deployables.render("prod"), "Ingress", "readnext");
        String proxied = String.valueOf(at(ingress, "metadata", "annotations", "nginx.ingress.kubernetes.io/proxy-body-size"));
        long accepted = bytes(prodProperty("quarkus.http.limits.max-body-size").orElse("10M"));
        assertTrue(bytes(proxied) >= accepted, "the Ingress passes " + proxied + ", the app accepts " + accepted + " bytes");
    }

    /** The README's table of the ConfigMap's values per overlay says what the overlays render. */
    @Test
    void theReadmeGivesTheConfigMapValuesTheOverlaysRender() {
        Assumptions.assumeTrue(Deployables.kubectlAvailable(), "kubectl is missing");
        Map<String, Map<String, Object>> rendered = Map.of(
                "dev", map(configMap(Deployables.render("dev"), "readnext-config").get("data")),
                "prod", map(configMap(Deployables.render("prod"), "readnext-config").get("data")));
        Pattern row = Pattern.compile("(?m)^\\| (`[A-Z_]+`(?:, `[A-Z_]+`)*) \\| ConfigMap \\| ([^|]+) \\| ([^|]+) \\|$");
        Matcher m = row.matcher(Deployables.read(Deployables.ROOT.resolve("README.md")));
        int rows = 0;
        while (m.find()) {
            List<String> names = backticked(m.group(1));
            List<String> dev = backticked(m.group(2));
            List<String> prod = m.group(3).strip().equals("same") ? dev : backticked(m.group(3));
            for (int i = 0; i < names.size(); i++) {
                assertEquals(rendered.get("dev").get(names.get(i)), dev.get(i), "README, dev: " + names.get(i));
                assertEquals(rendered.get("prod").get(names.get(i)), prod.get(i), "README, prod: " + names.get(i));
            }
            rows++;
        }
        assertTrue(rows >= 5, "the README's ConfigMap table was not found");
    }

    @Test
    void theDevOverlayTrustsTheDevelopmentSigningKey() {
        Assumptions.assumeTrue(Deployables.kubectlAvailable(), "kubectl is missing");
        Map<String, Object> secret = find(Deployables.render("dev"), "Secret", "readnext-secrets");
        String key = String.valueOf(at(secret, "stringData", "MP_JWT_VERIFY_PUBLICKEY"));
        assertEquals(Deployables.read(Deployables.ROOT.resolve("src/test/resources/jwt/dev-public.pem")).strip(), key.strip());
    }

    // ---- what the app serves and reads --------------------------------------------------------------------------

    /** The environment variable names of every property application.properties sets or refers to, and the known rest. */
    static Set<String> readableEnvNames() {
        Set<String> properties = new TreeSet<>(READ_BUT_NOT_IN_PROPERTIES);
        Deployables.applicationProperties().forEach((key, value) -> {
            properties.add(String.valueOf(key).replaceFirst("^%[^.]+\\.", ""));
            Matcher reference = Pattern.compile("\\$\\{([^}:]+)").matcher(String.valueOf(value));
            while (reference.find()) {
                properties.add(reference.group(1));
            }
        });
        return properties.stream().map(Deployables::envName).collect(Collectors.toSet());
    }

    /** A SmallRye Health path, e.g. {@code /q/health/live}, as configured (defaults of Quarkus otherwise). */
    static String health(String pathProperty, String defaultPath) {
        String root = nonApplication(prodProperty("quarkus.smallrye-health.root-path").orElse("health"));
        String path = prodProperty("quarkus.smallrye-health." + pathProperty).orElse(defaultPath);
        return path.startsWith("/") ? path : root + "/" + path;
    }

    /** A path under Quarkus's non-application root ({@code /q}), unless it is absolute. */
    static String nonApplication(String path) {
        if (path.startsWith("/")) {
            return path;
        }
        String root = prodProperty("quarkus.http.non-application-root-path").orElse("q").replaceAll("^/|/$", "");
        return "/" + root + "/" + path;
    }

    /** The `quoted` values of a Markdown table cell, in order. */
    private static List<String> backticked(String cell) {
        return Pattern.compile("`([^`]*)`").matcher(cell).results().map(r -> r.group(1)).toList();
    }

    /** Whether an Ingress path rule sends this request path to its backend (Kubernetes' Exact and Prefix rules). */
    private static boolean routes(Map<String, Object> rule, String path) {
        String rulePath = String.valueOf(rule.get("path"));
        if ("Exact".equals(rule.get("pathType"))) {
            return rulePath.equals(path);
        }
        String prefix = rulePath.endsWith("/") ? rulePath : rulePath + "/";
        return path.equals(rulePath) || path.startsWith(prefix);
    }

    /** A size as nginx and Quarkus write it: {@code 4m}, {@code 4M}, {@code 512k}, {@code 1048576}. */
    private static long bytes(String size) {
        Matcher m = Pattern.compile("(\\d+)([kKmMgG]?)").matcher(size.trim());
        assertTrue(m.matches(), "not a size: " + size);
        int shift = switch (m.group(2).toLowerCase()) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return Long.parseLong(m.group(1)) << shift;
    }

    private static Map<String, Object> importContainer(List<Map<String, Object>> objects) {
        List<Map<String, Object>> containers = list(at(find(objects, "CronJob", "readnext-import-arxiv"), "spec",
                "jobTemplate", "spec", "template", "spec", "containers"));
        return containers.stream().filter(c -> "import-arxiv".equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("the import job has no container import-arxiv"));
    }

    /** A container's environment: name → where its value comes from. */
    private static Map<Object, Object> envSources(Map<String, Object> container) {
        return list(container.get("env")).stream().map(Deployables::map)
                .collect(Collectors.toMap(e -> e.get("name"), e -> String.valueOf(e.containsKey("value") ? e.get("value") : e.get("valueFrom"))));
    }

    private static String probePath(Map<String, Object> container, String probe) {
        Object path = at(container, probe, "httpGet", "path");
        if (path == null) {
            throw new AssertionError(probe + " is not an HTTP GET probe");
        }
        return String.valueOf(path);
    }

    /** The container port a port reference (a number or a port name) resolves to. */
    private static int containerPort(Map<String, Object> container, Object reference) {
        if (reference instanceof Number n) {
            return n.intValue();
        }
        return list(container.get("ports")).stream().map(Deployables::map)
                .filter(p -> String.valueOf(reference).equals(p.get("name")))
                .map(p -> ((Number) p.get("containerPort")).intValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError("the container has no port named " + reference));
    }
}
