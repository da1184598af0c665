package dev.readnext.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the deployment artefacts say, read the way Kubernetes and the container runtime read them: the rendered
 * kustomize overlays (k8s/), the image's Dockerfile and the application's own configuration.
 */
final class Deployables {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path DOCKERFILE = ROOT.resolve("src/main/docker/Dockerfile.jvm");
    static final Path APPLICATION_PROPERTIES = ROOT.resolve("src/main/resources/application.properties");
    static final List<String> OVERLAYS = List.of("dev", "prod");

    private Deployables() {
    }

    // ---- Kubernetes objects ---------------------------------------------------------------------------------

    /** The objects of an overlay as {@code kubectl kustomize} renders them. */
    static List<Map<String, Object>> render(String overlay) {
        return parse(run("kubectl", "kustomize", ROOT.resolve("k8s/overlays").resolve(overlay).toString()));
    }

    /** Where kubectl is missing: the base's resource files as written (no overlay, no generated ConfigMap). */
    static List<Map<String, Object>> baseFiles() {
        Path base = ROOT.resolve("k8s/base");
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object file : list(at(parse(read(base.resolve("kustomization.yaml"))).get(0), "resources"))) {
            objects.addAll(parse(read(base.resolve(String.valueOf(file)))));
        }
        return objects;
    }

    static List<Map<String, Object>> parse(String yaml) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document != null) {
                objects.add(map(document));
            }
        }
        return objects;
    }

    static boolean kubectlAvailable() {
        try {
            run("kubectl", "version", "--client");
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(at(o, "metadata", "name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(kind + "/" + name + " is not rendered"));
    }

    /** The ConfigMap of that name before kustomize's hash suffix ({@code readnext-config-5dctkhftgm}). */
    static Map<String, Object> configMap(List<Map<String, Object>> objects, String name) {
        return objects.stream()
                .filter(o -> "ConfigMap".equals(o.get("kind"))
                        && String.valueOf(at(o, "metadata", "name")).matches(Pattern.quote(name) + "(-[a-z0-9]{10})?"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("ConfigMap " + name + " is not rendered"));
    }

    /** The value at a path of map keys, or null. */
    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(Object node) {
        return node == null ? List.of() : (List<T>) node;
    }

    static Map<String, Object> onlyContainer(Map<String, Object> workload) {
        List<Map<String, Object>> containers = list(at(workload, "spec", "template", "spec", "containers"));
        if (containers.size() != 1) {
            throw new AssertionError("expected one container, found " + containers.size());
        }
        return containers.get(0);
    }

    // ---- the image ------------------------------------------------------------------------------------------

    static String dockerfile() {
        return read(DOCKERFILE);
    }

    static List<Integer> dockerfileExposedPorts() {
        List<Integer> ports = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^EXPOSE\\s+(.+)$").matcher(dockerfile());
        while (m.find()) {
            Arrays.stream(m.group(1).trim().split("\\s+")).map(p -> Integer.parseInt(p.replace("/tcp", ""))).forEach(ports::add);
        }
        return ports;
    }

    /** The value of {@code ENV NAME="value"} (or {@code ENV NAME=value}) in the Dockerfile. */
    static Optional<String> dockerfileEnv(String name) {
        Matcher m = Pattern.compile("(?m)^ENV\\s+" + Pattern.quote(name) + "=(\"([^\"]*)\"|'([^']*)'|(\\S*))\\s*$")
                .matcher(dockerfile());
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4));
    }

    // ---- the application's configuration --------------------------------------------------------------------

    static Properties applicationProperties() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(APPLICATION_PROPERTIES)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** A property as the prod profile sees it: {@code %prod.key} first, then {@code key}. */
    static Optional<String> prodProperty(String key) {
        Properties properties = applicationProperties();
        return Optional.ofNullable(properties.getProperty("%prod." + key, properties.getProperty(key)));
    }

    /** {@code quarkus.http.port} in prod: 8080 unless application.properties says otherwise. */
    static int appPort() {
        return Integer.parseInt(prodProperty("quarkus.http.port").orElse("8080"));
    }

    /** Quarkus durations as written in application.properties: {@code 5s}, {@code 250ms}, {@code 2m}, {@code PT5S}. */
    static Duration duration(String value) {
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(value.trim().toLowerCase());
        if (!m.matches()) {
            return Duration.parse(value.trim().toUpperCase());
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** The MicroProfile Config rule that maps a property name to an environment variable name. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " cannot run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
