package dev.readnext.ingest.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.readnext.paper.ResourceKind;
import dev.readnext.text.ArxivIds;
import dev.readnext.text.Urls;

/**
 * Guesses what a link points at from its host and path. Lists may override the guess with explicit
 * markers (an awesome-list's 🤗 / :clapper: / 𝕏).
 */
public final class ResourceKinds {

    private static final Set<String> PAPER_HOSTS = Set.of("arxiv.org", "export.arxiv.org", "openreview.net",
            "dl.acm.org", "aclanthology.org", "proceedings.mlr.press", "papers.nips.cc", "proceedings.neurips.cc",
            "ieeexplore.ieee.org", "link.springer.com", "semanticscholar.org", "biorxiv.org", "jmlr.org");
    private static final Set<String> REPO_HOSTS = Set.of("github.com", "gitlab.com", "gist.github.com",
            "bitbucket.org", "codeberg.org");
    private static final Set<String> VIDEO_HOSTS = Set.of("youtube.com", "m.youtube.com", "youtu.be", "vimeo.com");
    private static final Set<String> POST_HOSTS = Set.of("x.com", "twitter.com", "mobile.twitter.com",
            "reddit.com", "old.reddit.com", "threads.net", "bsky.app", "news.ycombinator.com");
    private static final Set<String> BLOG_HOSTS = Set.of("medium.com", "substack.com", "mp.weixin.qq.com",
            "buttondown.com", "distill.pub", "lilianweng.github.io", "towardsdatascience.com", "dev.to");
    private static final Set<String> COURSE_HOSTS = Set.of("coursera.org", "edx.org", "udemy.com",
            "udacity.com", "fast.ai", "course.fast.ai");
    /** Paths that are articles: /blog, /posts, /p/ (Substack), /tutorials, date permalinks (/2024/02/02/). */
    private static final Pattern BLOG_PATH = Pattern.compile(
            "(?i)(/[\\w-]*blogs?[\\w-]*(/|$)|/posts?/|/p/|/articles?/|/tutorials?/|/20\\d\\d/\\d\\d/)");
    private static final Pattern COURSE_PATH = Pattern.compile("(?i)/(courses?|lectures?|syllabus)(/|$)");

    private ResourceKinds() {
    }

    public static ResourceKind fromUrl(String url) {
        if (url == null || url.isBlank()) {
            return ResourceKind.OTHER;
        }
        String host = Urls.host(url);
        String path = "/" + String.join("/", Urls.pathSegments(url));
        if (matchesHost(host, PAPER_HOSTS) || ArxivIds.fromUrl(url).isPresent()
                || path.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            return ResourceKind.PAPER;
        }
        if (matchesHost(host, REPO_HOSTS)) {
            return ResourceKind.REPO;
        }
        if (matchesHost(host, VIDEO_HOSTS)) {
            return ResourceKind.VIDEO;
        }
        if (matchesHost(host, POST_HOSTS)) {
            return ResourceKind.POST;
        }
        if (matchesHost(host, COURSE_HOSTS) || COURSE_PATH.matcher(path + "/").find()) {
            return ResourceKind.COURSE;
        }
        if (isBlog(host, path + "/")) {
            return ResourceKind.BLOG;
        }
        return ResourceKind.OTHER;
    }

    /** Hugging Face Spaces count as articles: reading lists link the long-form ones (FineWeb, Ultra-Scale Playbook). */
    private static boolean isBlog(String host, String path) {
        return matchesHost(host, BLOG_HOSTS)
                || host.startsWith("blog.")
                || host.endsWith(".github.io")
                || host.equals("huggingface.co") && (path.startsWith("/blog/") || path.startsWith("/spaces/"))
                || BLOG_PATH.matcher(path).find();
    }

    /** The host itself or any subdomain of it ("sophiamyang.medium.com" matches "medium.com"). */
    private static boolean matchesHost(String host, Set<String> hosts) {
        for (String candidate : hosts) {
            if (host.equals(candidate) || host.endsWith("." + candidate)) {
                return true;
            }
        }
        return false;
    }
}
