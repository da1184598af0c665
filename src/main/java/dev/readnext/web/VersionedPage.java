package dev.readnext.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code index.html} with every asset it loads named by a version of the asset's content ({@code app.css?v=…}).
 * The assets are what the page's {@code src}/{@code href} attributes name and, for ES modules, what they import,
 * transitively. Modules import each other by plain relative paths; an import map in the page maps each module to
 * its versioned URL, so a changed module gets a new URL while the modules that import it keep theirs.
 *
 * @param html     the page to serve
 * @param etag     a strong entity tag of {@code html}
 * @param versions the version of each asset, by path from the site root ({@code /js/app.js})
 */
record VersionedPage(String html, String etag, Map<String, String> versions) {

    static final String ROOT = "META-INF/resources";

    /** A relative {@code src}/{@code href} of the page (not a fragment, not absolute, no scheme or query). */
    private static final Pattern PAGE_REFERENCE = Pattern.compile("\\b(src|href)=\"([^\"/#:?][^\"#:?]*)\"");
    /** A relative module specifier: {@code from './x.js'}, {@code import './x.js'}, {@code import('./x.js')}. */
    private static final Pattern MODULE_IMPORT = Pattern.compile("\\b(?:from|import)\\s*\\(?\\s*['\"](\\.{1,2}/[^'\"]+)['\"]");
    private static final Pattern FIRST_MODULE_SCRIPT = Pattern.compile("<script type=\"module\"");

    /** The page as the class loader holds it now. */
    static VersionedPage load(ClassLoader classLoader) {
        String template = read(classLoader, "/index.html").map(VersionedPage::text).orElseThrow(
                () -> new IllegalStateException(ROOT + "/index.html is missing from the classpath"));
        Map<String, String> versions = assetVersions(classLoader, template);
        String html = PAGE_REFERENCE.matcher(template).replaceAll(m -> {
            String version = versions.get("/" + m.group(2));
            return Matcher.quoteReplacement(version == null ? m.group() : m.group(1) + "=\"" + m.group(2) + "?v=" + version + "\"");
        });
        html = FIRST_MODULE_SCRIPT.matcher(html).replaceFirst(Matcher.quoteReplacement(importMap(versions) + "\n  ") + "$0");
        return new VersionedPage(html, "\"" + version(html.getBytes(StandardCharsets.UTF_8)) + "\"", Map.copyOf(versions));
    }

    /** The assets the page names and, for modules, those they import (transitively), each with its version. */
    private static Map<String, String> assetVersions(ClassLoader classLoader, String template) {
        Map<String, String> versions = new TreeMap<>();
        Deque<String> pending = new ArrayDeque<>();
        PAGE_REFERENCE.matcher(template).results().forEach(reference -> pending.add("/" + reference.group(2)));
        while (!pending.isEmpty()) {
            String path = pending.pop();
            Optional<byte[]> content = versions.containsKey(path) ? Optional.empty() : read(classLoader, path);
            if (content.isEmpty()) {
                continue; // seen already, or a route of the service (graphql, q/graphql-ui) rather than a file
            }
            versions.put(path, version(content.get()));
            if (path.endsWith(".js")) {
                MODULE_IMPORT.matcher(text(content.get())).results()
                        .forEach(imported -> pending.add(URI.create(path).resolve(imported.group(1)).getPath()));
            }
        }
        return versions;
    }

    /** The version a request names is this asset's current one. */
    boolean isCurrent(String path, String version) {
        return version != null && version.equals(versions.get(path));
    }

    /** Maps each module to its versioned URL, relative to the page, so that the page works under any path prefix. */
    private static String importMap(Map<String, String> versions) {
        String entries = versions.entrySet().stream().filter(e -> e.getKey().endsWith(".js"))
                .map(e -> "\"." + e.getKey() + "\": \"." + e.getKey() + "?v=" + e.getValue() + "\"")
                .collect(Collectors.joining(",\n      "));
        return "<script type=\"importmap\">\n  { \"imports\": {\n      " + entries + "\n  } }\n  </script>";
    }

    private static String version(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String text(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }

    private static Optional<byte[]> read(ClassLoader classLoader, String path) {
        try (InputStream in = classLoader.getResourceAsStream(ROOT + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + path, e);
        }
    }
}
