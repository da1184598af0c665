package dev.readnext.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Finding, cleaning and comparing http(s) URLs. */
public final class Urls {

    /** An http(s) URL; may start right after a letter ("…Modelhttps://…"). */
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"`]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:!?'\"]+$");
    private static final Pattern GITHUB_REPO = Pattern.compile(
            "https?://(?:www\\.)?github\\.com/([\\w.-]+)/([\\w.-]+?)(?:\\.git)?(?=[/?#]|$)", Pattern.CASE_INSENSITIVE);
    /** Query parameters that track or navigate but never identify the resource. */
    private static final Set<String> NON_IDENTIFYING_PARAMS = Set.of(
            "ref", "ref_src", "ref_url", "source", "from", "section", "t", "tab", "usp", "si", "feature", "s");

    private Urls() {
    }

    /** The first URL in the text, with sentence punctuation and an unbalanced ")" trimmed. */
    public static Optional<Located> findFirst(String text) {
        Matcher matcher = URL.matcher(text);
        return matcher.find() ? Optional.of(new Located(trimTrailing(matcher.group()), matcher.start())) : Optional.empty();
    }

    /** Strips punctuation a sentence (or a sloppy export, "…/ZClip.") glued to the end of a URL. */
    public static String trimTrailing(String url) {
        String trimmed = TRAILING_PUNCTUATION.matcher(url).replaceAll("");
        while (trimmed.endsWith(")") && count(trimmed, '(') < count(trimmed, ')')) {
            trimmed = TRAILING_PUNCTUATION.matcher(trimmed.substring(0, trimmed.length() - 1)).replaceAll("");
        }
        return trimmed;
    }

    /** "https://github.com/owner/repo" for any link into a GitHub repository ("….git.", "?tab=…"), else empty. */
    public static Optional<String> githubRepo(String url) {
        Matcher matcher = GITHUB_REPO.matcher(trimTrailing(url));
        if (!matcher.find() || matcher.start() != 0) {
            return Optional.empty();
        }
        return Optional.of("https://github.com/" + matcher.group(1) + "/" + matcher.group(2));
    }

    /** The canonical arXiv abs URL for arXiv links; any other URL as given. */
    public static String canonical(String url) {
        if (url == null || !host(url).endsWith("arxiv.org")) {
            return url;
        }
        return ArxivIds.fromUrl(url).map(ArxivIds::absUrl).orElse(url);
    }

    /**
     * A key under which two links to the same resource meet: scheme, "www.", fragment, trailing slash,
     * tracking/navigation parameters dropped; arXiv links reduced to their id.
     */
    public static String identityKey(String url) {
        Optional<String> arxivId = ArxivIds.fromUrl(url);
        if (arxivId.isPresent()) {
            return "arxiv:" + arxivId.get();
        }
        try {
            URI uri = new URI(url.trim());
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            String query = identifyingQuery(uri.getRawQuery());
            return host + path + (query.isEmpty() ? "" : "?" + query);
        } catch (URISyntaxException e) {
            return url.trim().toLowerCase(Locale.ROOT);
        }
    }

    /** Lower-cased host without "www.", or "" when the URL has none. */
    public static String host(String url) {
        try {
            String host = new URI(url.trim()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        } catch (URISyntaxException e) {
            return "";
        }
    }

    /** Decoded path segments, empty ones dropped. */
    public static List<String> pathSegments(String url) {
        try {
            return segments(new URI(url.trim()).getPath());
        } catch (URISyntaxException e) {
            return List.of();
        }
    }

    /** Path segments as written (percent escapes kept, as {@link #identityKey} keeps them), empty ones dropped. */
    public static List<String> rawPathSegments(String url) {
        try {
            return segments(new URI(url.trim()).getRawPath());
        } catch (URISyntaxException e) {
            return List.of();
        }
    }

    private static List<String> segments(String path) {
        if (path == null) {
            return List.of();
        }
        return List.of(path.split("/")).stream().filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }

    private static String identifyingQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        return List.of(rawQuery.split("&")).stream()
                .filter(param -> !param.isEmpty())
                .filter(param -> {
                    String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
                    return !name.startsWith("utm_") && !NON_IDENTIFYING_PARAMS.contains(name);
                })
                .sorted()
                .collect(Collectors.joining("&"));
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    /** A URL found in text and where it starts. */
    public record Located(String url, int start) {
    }
}
