package dev.readnext.ingest.parse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import dev.readnext.text.Urls;
import dev.readnext.text.ArxivIds;
import dev.readnext.text.TextRepair;

/** A readable title for an entry that is only a URL. */
public final class UrlTitles {

    /** Path segments that say where a page lives, not what it is. */
    private static final Set<String> STRUCTURAL_SEGMENTS = Set.of("spaces", "blog", "blogs", "posts", "post", "p",
            "tutorials", "tutorial", "articles", "article", "index.html", "index.htm", "watch", "en", "my-blog");
    private static final int MAX_SEGMENTS = 2;

    private UrlTitles() {
    }

    /**
     * "https://github.com/linkedin/Liger-Kernel" → "linkedin/Liger-Kernel";
     * "https://huggingface.co/spaces/HuggingFaceFW/blogpost-fineweb-v1" → "HuggingFaceFW blogpost fineweb v1";
     * an arXiv link → "arXiv:2104.09864"; a bare host → the host.
     */
    public static String fromUrl(String url) {
        var repo = Urls.githubRepo(url);
        if (repo.isPresent()) {
            return repo.get().substring("https://github.com/".length());
        }
        var arxivId = ArxivIds.fromUrl(url);
        if (arxivId.isPresent()) {
            return "arXiv:" + arxivId.get();
        }
        List<String> meaningful = Urls.pathSegments(url).stream()
                .filter(segment -> !STRUCTURAL_SEGMENTS.contains(segment.toLowerCase(java.util.Locale.ROOT)))
                .collect(Collectors.toList());
        if (meaningful.isEmpty()) {
            return Urls.host(url);
        }
        List<String> last = meaningful.subList(Math.max(0, meaningful.size() - MAX_SEGMENTS), meaningful.size());
        return TextRepair.collapseWhitespace(last.stream().map(UrlTitles::words).collect(Collectors.joining(" ")));
    }

    private static String words(String segment) {
        String decoded = URLDecoder.decode(segment, StandardCharsets.UTF_8);
        return decoded.replaceFirst("\\.(html?|php|aspx?|pdf)$", "").replace('-', ' ').replace('_', ' ');
    }
}
