package dev.readnext.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.readnext.paper.ResourceKind;

class AwesomeListParserTest {

    private final ParsedList list = new AwesomeListParser().parse("ignored", Seeds.read(Seeds.AWESOME));

    @Test
    void namedByItsFirstHeading() {
        assertEquals("LLM Training", list.name());
        assertEquals("llm-training", list.slug());
    }

    @Test
    void parsesEveryTopLevelBulletButNotTheTableOfContents() {
        assertEquals(108, list.entries().size());
        assertEquals(20, list.entries().get(0).line());
        assertTrue(list.entries().stream().noneMatch(e -> e.line() < 18));
        assertTrue(list.warnings().isEmpty(), list.warnings().toString());
    }

    @Test
    void sectionsAreTopics() {
        assertEquals(List.of("Survey"), list.entries().get(0).topicPath());
        ParsedEntry remoe = Seeds.entryTitled(list, "ReMoE: Fully Differentiable Mixture-of-Experts with ReLU Routing");
        assertEquals("Mixture Of Experts", remoe.section());
        assertEquals(List.of("Mixture Of Experts"), remoe.topicPath());
    }

    @Test
    void joinsBoldTitlesWrappedOverTwoLines() {
        ParsedEntry climb = Seeds.entryTitled(list,
                "CLIMB: CLustering-based Iterative Data Mixture Bootstrapping for Language Model Pre-training");
        assertEquals(26, climb.line());
        Seeds.entryTitled(list, "Streaming DiLoCo with overlapping communication: Towards a Distributed Free Lunch");
        Seeds.entryTitled(list, "Demons in the Detail: On Implementing Load Balancing Loss for Training "
                + "Specialized Mixture-of-Expert Models");
    }

    @Test
    void paperCarriesArxivIdCanonicalUrlYearAndAuthorsWithoutEllipsis() {
        ParsedResource climb = list.entries().get(1).resource();
        assertEquals("2504.13161", climb.arxivId());
        assertEquals("https://arxiv.org/abs/2504.13161", climb.url());
        assertEquals(2025, climb.year());
        assertEquals(ResourceKind.PAPER, climb.kind());
        assertEquals(List.of("Shizhe Diao", "Yu Yang", "Yonggan Fu", "Jan Kautz", "Pavlo Molchanov"), climb.authors());
        assertNull(climb.codeUrl(), "the research.nvidia link is not a code repository");
    }

    @Test
    void codeUrlIsTheFirstGithubRepoWithTrailingDotsAndGitSuffixStripped() {
        ParsedResource zclip = Seeds.entryTitled(list, "ZClip: Adaptive Spike Mitigation for LLM Pre-Training").resource();
        assertEquals("https://github.com/bluorion-com/ZClip", zclip.codeUrl());
        assertEquals(List.of("Abhay Kumar", "Louis Owen", "Nilabhra Roy Chowdhury", "Fabian Güra"), zclip.authors());
        assertTrue(zclip.highlight());
        assertEquals("https://github.com/TianjinYellow/StableSPAM", Seeds.entryTitled(list,
                "Stable-SPAM: How to Train in 4-Bit More Stably than 16-Bit Adam").resource().codeUrl());
        assertEquals("https://github.com/NVIDIA/ngpt", Seeds.entryTitled(list,
                "nGPT: Normalized Transformer with Representation Learning on the Hypersphere").resource().codeUrl());
        assertEquals("https://github.com/huggingface/autotrain-advanced", Seeds.entryTitled(list,
                "AutoTrain: No-code training for state-of-the-art models").resource().codeUrl());
    }

    @Test
    void arxivIdsOfAllPapersAreFound() {
        List<ParsedEntry> papers = list.entries().stream()
                .filter(e -> e.resource().kind() == ResourceKind.PAPER).toList();
        assertEquals(67, papers.size());
        assertTrue(papers.stream().allMatch(e -> e.resource().arxivId() != null && !e.resource().authors().isEmpty()));
        assertEquals(2023, Seeds.entryTitled(list, "Pretraining on the Test Set Is All You Need").resource().year());
    }

    @Test
    void repoEntriesAreTitledByTheRepoNameAndUseTheDescriptionAsTldr() {
        ParsedResource picotron = Seeds.entryTitled(list, "picotron").resource();
        assertEquals(ResourceKind.REPO, picotron.kind());
        assertEquals("https://github.com/huggingface/picotron", picotron.url());
        assertTrue(picotron.highlight());
        assertEquals("The minimalist & most-hackable repository for pre-training Llama-like models with 4D Parallelism",
                picotron.tldr());
        assertTrue(picotron.authors().isEmpty());
        assertEquals(ResourceKind.REPO, Seeds.entryTitled(list, "9a567910c1a8663f7aa04520075e0ba8").resource().kind());
        assertNull(Seeds.entryTitled(list, "open-instruct").resource().arxivId(),
                "a repo's related paper link does not make the repo that paper");
    }

    @Test
    void markersDecideTheKindOfLinks() {
        assertEquals(ResourceKind.BLOG,
                Seeds.entryTitled(list, "The Ultra-Scale Playbook: Training LLMs on GPU Clusters").resource().kind());
        assertEquals(ResourceKind.VIDEO, Seeds.entryTitled(list, "Flash LLMs: Pipeline Parallel").resource().kind());
        assertEquals(ResourceKind.VIDEO,
                Seeds.entryTitled(list, "Hacks to Make LLM Training Faster - Daniel Han, Unsloth AI").resource().kind());
        assertEquals(ResourceKind.POST, Seeds.entryTitled(list, "Muon scaling again").resource().kind());
        assertEquals(ResourceKind.BLOG, Seeds.entryTitled(list, "Fixing Gradient Accumulation").resource().kind());
    }

    @Test
    void countsEntriesPerKind() {
        Map<ResourceKind, Long> kinds = list.entries().stream()
                .collect(Collectors.groupingBy(e -> e.resource().kind(), Collectors.counting()));
        assertEquals(Map.of(ResourceKind.PAPER, 67L, ResourceKind.REPO, 19L, ResourceKind.BLOG, 10L,
                ResourceKind.VIDEO, 5L, ResourceKind.POST, 6L, ResourceKind.OTHER, 1L), kinds);
    }

    @Test
    void highlightsAreMarkedOnlyWhereTheListStarsThem() {
        List<String> highlighted = list.entries().stream().filter(e -> e.resource().highlight())
                .map(e -> e.resource().title()).toList();
        assertEquals(11, highlighted.size(), highlighted.toString());
        assertFalse(Seeds.entryTitled(list, "Gemstones: A Model Suite for Multi-Faceted Scaling Laws").resource().highlight());
    }

    @Test
    void theDuplicatedPaperIsKeptTwice() {
        List<ParsedEntry> remoe = Seeds.entriesTitled(list,
                "ReMoE: Fully Differentiable Mixture-of-Experts with ReLU Routing").toList();
        assertEquals(2, remoe.size());
        assertEquals(remoe.get(0).resource(), remoe.get(1).resource());
    }

    @Test
    void linkTitlesMayHoldBrackets() {
        assertEquals(ResourceKind.OTHER, Seeds.entryTitled(list,
                "[10 December 2024, NeurIPs] Tutorial on Language Modeling").resource().kind());
    }

    @Test
    void titlesAreUnique_apartFromTheKnownDuplicate() {
        Map<String, Long> counts = list.entries().stream()
                .collect(Collectors.groupingBy(e -> e.resource().title(), Collectors.counting()));
        assertEquals(Map.of("ReMoE: Fully Differentiable Mixture-of-Experts with ReLU Routing", 2L),
                counts.entrySet().stream().filter(e -> e.getValue() > 1)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertTrue(list.entries().stream().map(e -> e.resource().title())
                .noneMatch(title -> title.contains("**") || title.isBlank()));
    }
}
