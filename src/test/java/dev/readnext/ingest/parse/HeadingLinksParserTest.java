package dev.readnext.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.readnext.paper.ResourceKind;
import dev.readnext.list.ListFormat;

class HeadingLinksParserTest {

    private final ParsedList list = new HeadingLinksParser().parse("ignored", Seeds.read(Seeds.HEADING_LINKS));

    @Test
    void firstHeadingNamesTheListAndGivesItsSlug() {
        assertEquals("LLMs_Reading_List", list.name());
        assertEquals("llms-reading-list", list.slug());
        assertEquals(ListFormat.HEADING_LINKS, list.format());
    }

    @Test
    void parsesEveryHeadingBulletAndBareUrlEntryButNotTheIntro() {
        assertEquals(23, list.entries().size());
        assertTrue(list.entries().stream().noneMatch(e -> e.resource().title().startsWith("List of useful")));
        assertEquals(5, list.entries().get(0).line());
    }

    @Test
    void splitsTitleFromUrlWhateverTheSeparator() {
        assertEquals("https://arxiv.org/abs/2104.09864", Seeds.entryTitled(list, "RoPE paper").resource().url());
        assertEquals("https://www.youtube.com/watch?v=o29P0Kpobz0&t=530s",
                Seeds.entryTitled(list, "Rotary Positional Embeddings: Combining Absolute and Relative").resource().url());
        assertEquals("2509.25149", Seeds.entryTitled(list,
                "Quantization Aware Training (QAT): Pretraining Large Language Models with NVFP4 (NVIDIA)").resource().arxivId());
        assertEquals("2601.07372", Seeds.entryTitled(list,
                "Conditional Memory via Scalable Lookup: A New Axis of Sparsity for Large Language Models").resource().arxivId());
    }

    @Test
    void splitsTheUrlGluedToItsTitleAndWarnsAboutIt() {
        ParsedResource glued = Seeds.entryTitled(list, "Influential Subset Selection for Language Model").resource();
        assertEquals("https://arxiv.org/abs/2305.12816", glued.url());
        assertEquals("2305.12816", glued.arxivId());
        assertEquals(2023, glued.year());
        assertTrue(list.warnings().stream().anyMatch(w -> w.line() == 9 && w.message().contains("glued")));
    }

    @Test
    void repairsMojibakeInTitles() {
        Seeds.entryTitled(list, "SmolLM2: When Smol Goes Big — Data-Centric Training of a Small Language Model");
        assertTrue(Seeds.allText(list).noneMatch(text -> text.contains("â€")));
    }

    @Test
    void keepsBothCopiesOfTheDuplicatedItemWithTheSameUrl() {
        List<ParsedEntry> qwen = Seeds.entriesTitled(list, "Qwen3-Next: Towards Ultimate Training & Inference Efficiency").toList();
        assertEquals(2, qwen.size());
        assertEquals(qwen.get(0).resource().url(), qwen.get(1).resource().url());
        assertEquals(ResourceKind.BLOG, qwen.get(0).resource().kind());
    }

    @Test
    void papersIsASectionButNotATopic() {
        ParsedEntry rope = Seeds.entryTitled(list, "RoPE paper");
        assertEquals("papers", rope.section());
        assertEquals(List.of(), rope.topicPath());
    }

    @Test
    void sectionHeadingsThatNameASubjectAreTopics() {
        ParsedEntry flm = Seeds.entryTitled(list, "FLM-101B: An Open LLM and How to Train It with $100K Budget");
        assertEquals(List.of("Model Growth"), flm.topicPath());
        assertEquals(List.of("Model Growth"), Seeds.entryTitled(list, "The Depth Delusion").topicPath());
        assertEquals(List.of("Efficient kernels"), Seeds.entryTitled(list, "linkedin/Liger-Kernel").topicPath());
    }

    @Test
    void anEntryHeadingClosesTheSectionAtItsLevel() {
        ParsedEntry deepSpeed = Seeds.entryTitled(list, "DeepSpeed");
        assertNull(deepSpeed.section());
        assertEquals(List.of(), deepSpeed.topicPath());
        assertNull(Seeds.entryTitled(list, "mHC: Manifold-Constrained Hyper-Connections").section());
    }

    @Test
    void bareUrlEntriesGetAReadableTitleFromTheirUrl() {
        assertEquals(ResourceKind.REPO, Seeds.entryTitled(list, "linkedin/Liger-Kernel").resource().kind());
        assertEquals("https://huggingface.co/spaces/HuggingFaceFW/blogpost-fineweb-v1",
                Seeds.entryTitled(list, "HuggingFaceFW blogpost fineweb v1").resource().url());
        Seeds.entryTitled(list, "nanotron ultrascale playbook");
    }

    @Test
    void arxivHtmlLinksWithVersionAndFragmentBecomeCanonicalAbsLinks() {
        ParsedResource looped = Seeds.entryTitled(list, "Scaling Latent Reasoning via Looped Language Models").resource();
        assertEquals("https://arxiv.org/abs/2510.25741", looped.url());
        assertEquals(ResourceKind.PAPER, looped.kind());
    }

    @Test
    void headingListHasNoReadStatus() {
        assertFalse(list.entries().stream().anyMatch(ParsedEntry::read));
    }
}
