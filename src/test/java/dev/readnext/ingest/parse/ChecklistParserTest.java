package dev.readnext.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.readnext.paper.ResourceKind;
import dev.readnext.list.ListFormat;

class ChecklistParserTest {

    private final ParsedList list = new ChecklistParser().parse("ignored", Seeds.read(Seeds.CHECKLIST));

    @Test
    void namedByItsFirstHeading() {
        assertEquals("Read List Dump", list.name());
        assertEquals("read-list-dump", list.slug());
        assertEquals(ListFormat.CHECKLIST, list.format());
    }

    @Test
    void everyCheckboxLinkIsAnEntryAndTheIntroIsNot() {
        assertEquals(86, list.entries().size());
        assertEquals(9, list.entries().get(0).line());
        assertTrue(list.warnings().isEmpty(), list.warnings().toString());
    }

    @Test
    void onlyMixtralIsRead() {
        List<String> read = list.entries().stream().filter(ParsedEntry::read).map(e -> e.resource().title()).toList();
        assertEquals(List.of("Mixtral of Experts"), read);
    }

    @Test
    void headingsAreSectionsAndTopics() {
        ParsedEntry pagedAttention = Seeds.entryTitled(list,
                "Efficient Memory Management for Large Language Model Serving with PagedAttention");
        assertEquals("LLM Inference", pagedAttention.section());
        assertEquals(List.of("LLM Inference"), pagedAttention.topicPath());
    }

    @Test
    void aPlainBulletWithIndentedItemsIsANestedGroup() {
        ParsedEntry d4 = Seeds.entryTitled(list, "D4: Improving LLM Pretraining via Document De-Duplication and Diversification");
        assertEquals("Miscellaneous / Datalogy", d4.section());
        assertEquals(List.of("Miscellaneous", "Datalogy"), d4.topicPath());
        assertEquals(3, list.entries().stream().filter(e -> "Miscellaneous / Datalogy".equals(e.section())).count());
        assertEquals(List.of("Miscellaneous"),
                Seeds.entryTitled(list, "Knowledge Fusion of Large Language Models").topicPath());
    }

    @Test
    void arxivIdsComeFromAbsFtpAndHuggingFacePaperLinks() {
        assertEquals("2308.00951", Seeds.entryTitled(list, "From Sparse to Soft Mixtures of Experts").resource().arxivId());
        ParsedResource tpu = Seeds.entryTitled(list, "In-Datacenter Performance Analysis of a Tensor Processing Unit").resource();
        assertEquals("1704.04760", tpu.arxivId());
        assertEquals(2017, tpu.year());
        ParsedResource eagle = Seeds.entryTitled(list,
                "EAGLE: Speculative Sampling Requires Rethinking Feature Uncertainty").resource();
        assertEquals("2401.15077", eagle.arxivId());
        assertEquals("https://huggingface.co/papers/2401.15077", eagle.url());
        assertEquals(45, list.entries().stream().filter(e -> e.resource().arxivId() != null).count());
    }

    @Test
    void kindsFollowTheLinks() {
        assertEquals(ResourceKind.REPO, Seeds.entryTitled(list, "DeepMind - GraphCast").resource().kind());
        assertEquals(ResourceKind.BLOG, Seeds.entryTitled(list,
                "Fast and Expressive LLM Inference with RadixAttention and SGLang").resource().kind());
        assertEquals(ResourceKind.PAPER, Seeds.entryTitled(list,
                "A Domain-specific Supercomputer for Training Deep Neural Networks").resource().kind());
        assertEquals(ResourceKind.PAPER, Seeds.entryTitled(list, "Automatic differentiation in PyTorch").resource().kind());
        Map<ResourceKind, Long> kinds = list.entries().stream()
                .collect(Collectors.groupingBy(e -> e.resource().kind(), Collectors.counting()));
        assertEquals(5L, kinds.get(ResourceKind.REPO));
    }

    @Test
    void repairsMojibake() {
        Seeds.entryTitled(list, "Ten Lessons From Three Generations Shaped Google’s TPUv4i");
        assertTrue(Seeds.allText(list).noneMatch(text -> text.contains("â€")));
    }

    @Test
    void aHeadingThatSortsByKindIsNotATopic() {
        ParsedEntry graphCast = Seeds.entryTitled(list, "GitHub: apple/ml-vision-transformers-ane");
        assertEquals("Repos", graphCast.section());
        assertEquals(List.of(), graphCast.topicPath());
    }
}
