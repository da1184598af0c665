package dev.readnext.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import dev.readnext.ingest.parse.UrlTitles;

class UrlsTest {

    @Test
    void findsUrlsGluedToTextAndTrimsSentencePunctuation() {
        Urls.Located glued = Urls.findFirst("Influential Subset Selection for Language Modelhttps://arxiv.org/pdf/2305.12816").orElseThrow();
        assertEquals("https://arxiv.org/pdf/2305.12816", glued.url());
        assertEquals(47, glued.start());
        assertEquals("https://b.org/(y)", Urls.findFirst("see (https://b.org/(y)), ok").orElseThrow().url());
        assertEquals("https://a.org/x", Urls.findFirst("see https://a.org/x. Then").orElseThrow().url());
    }

    @ParameterizedTest
    @CsvSource({
        "https://github.com/bluorion-com/ZClip., https://github.com/bluorion-com/ZClip",
        "https://github.com/TianjinYellow/StableSPAM.git., https://github.com/TianjinYellow/StableSPAM",
        "https://github.com/NVIDIA/ngpt?tab=readme-ov-file, https://github.com/NVIDIA/ngpt",
        "https://github.com/a/b/tree/main/src, https://github.com/a/b",
    })
    void githubRepoIsCanonical(String url, String repo) {
        assertEquals(Optional.of(repo), Urls.githubRepo(url));
    }

    @Test
    void githubRepoNeedsOwnerAndName() {
        assertEquals(Optional.empty(), Urls.githubRepo("https://github.com/linkedin"));
        assertEquals(Optional.empty(), Urls.githubRepo("https://gist.github.com/abacaj/9a56"));
    }

    @Test
    void canonicalRewritesOnlyArxivLinks() {
        assertEquals("https://arxiv.org/abs/2309.00071", Urls.canonical("https://arxiv.org/html/2309.00071v3"));
        assertEquals("https://huggingface.co/papers/2402.08609", Urls.canonical("https://huggingface.co/papers/2402.08609"));
    }

    @Test
    void identityKeyIgnoresNavigationAndTrackingButKeepsIdentifyingParameters() {
        assertEquals(Urls.identityKey("https://huggingface.co/spaces/nanotron/ultrascale-playbook?section=high-level_overview"),
                Urls.identityKey("https://huggingface.co/spaces/nanotron/ultrascale-playbook"));
        assertEquals("qwen.ai/blog?id=4074", Urls.identityKey("https://qwen.ai/blog?id=4074&from=list&ref=x.com"));
        assertEquals(Urls.identityKey("https://www.youtube.com/watch?v=o29P0Kpobz0&t=530s"),
                Urls.identityKey("http://youtube.com/watch?v=o29P0Kpobz0"));
        assertNotEquals(Urls.identityKey("https://www.youtube.com/watch?v=a"), Urls.identityKey("https://www.youtube.com/watch?v=b"));
        assertEquals("arxiv:2104.09864", Urls.identityKey("https://arxiv.org/pdf/2104.09864v2"));
        assertEquals("debnsuma.github.io/my-blog/posts/fsdp-ray-train",
                Urls.identityKey("https://debnsuma.github.io/my-blog/posts/fsdp-ray-train/#deepspeed"));
    }

    @Test
    void rawPathSegmentsKeepPercentEscapesAsTheIdentityKeyDoes() {
        String url = "https://www.graphcore.ai/hubfs/assets/Dissecting%20the%20IPU.pdf";
        assertEquals(List.of("hubfs", "assets", "Dissecting%20the%20IPU.pdf"), Urls.rawPathSegments(url));
        assertEquals(List.of("hubfs", "assets", "Dissecting the IPU.pdf"), Urls.pathSegments(url));
        assertTrue(Urls.identityKey(url).endsWith(Urls.rawPathSegments(url).get(2)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://github.com/linkedin/Liger-Kernel | linkedin/Liger-Kernel",
        "https://huggingface.co/spaces/HuggingFaceFW/blogpost-fineweb-v1 | HuggingFaceFW blogpost fineweb v1",
        "https://huggingface.co/spaces/nanotron/ultrascale-playbook?section=high-level_overview | nanotron ultrascale playbook",
        "https://arxiv.org/pdf/2104.09864 | arXiv:2104.09864",
        "https://lmsys.org/blog/2024-01-17-sglang/ | 2024 01 17 sglang",
        "https://example.org/ | example.org",
        "https://example.org/docs/Intro%20Guide.html | docs Intro Guide",
    })
    void titlesFromUrls(String url, String title) {
        assertEquals(title, UrlTitles.fromUrl(url));
    }
}
