package dev.readnext.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.readnext.ingest.parse.ParsedCourse.Reading;
import dev.readnext.ingest.parse.ParsedCourse.Section;
import dev.readnext.ingest.parse.ParsedCourse.Session;
import dev.readnext.paper.ResourceKind;

class CourseScheduleParserTest {

    /** Every reading title of the course, in order, as a person would split "Title: TL;DR". */
    private static final List<String> READING_TITLES = List.of(
            "DeepSeek-V2: A Strong, Economical, and Efficient Mixture-of-Experts Language Model",
            "DeepSeek-V3 Technical Report",
            "Mixtral of Experts (8×7B)",
            "Better & Faster Large Language Models via Multi-token Prediction",
            "RoFormer: Enhanced Transformer with Rotary Position Embedding",
            "LongRoPE: Extending LLM Context Window Beyond 2 Million Tokens",
            "YaRN: Efficient Context Window Extension of LLMs",
            "On Layer Normalization in the Transformer Architecture",
            "Root Mean Square Layer Normalization (RMSNorm)",
            "gpt-oss",
            "ENTP: Encoder-only Next-Token Prediction",
            "Mamba: Linear-time Sequence Modeling with Selective State Spaces",
            "Diffusion-LM Improves Controllable Text Generation",
            "LLaDA: Large Language Diffusion Models",
            "Seed-Diffusion",
            "Scaling Laws for Neural Language Models",
            "Training Compute-Optimal Large Language Models (Chinchilla)",
            "Inference-Aware Scaling Laws for LMs",
            "DataComp-LM",
            "A Survey on Data Selection for Language Models",
            "OLMo-2: Pretraining + Mid-training",
            "DataComp-Reasoning (Open Thoughts)",
            "AdamW: Decoupled Weight Decay Regularization",
            "Lion: Symbolic Discovery of Optimization Algorithms",
            "Shampoo: Preconditioned Stochastic Tensor Optimization",
            "Old Optimizer, New Norm: An Anthology",
            "SOAP",
            "Muon",
            "Kimi K2/MuonCLIP",
            "Fantastic Pretraining Optimizers and Where to Find Them",
            "Benchmarking Optimizers for Large Language Model Pretraining",
            "Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism",
            "ZeRO: Memory Optimizations Toward Training Trillion-Parameter Models",
            "Dion: Distributed Orthonormalized Updates",
            "MegaBlocks",
            "Google’s MoE",
            "InstructGPT: Training LMs to Follow Instructions with Human Feedback",
            "Direct Preference Optimization: Your LM is Secretly a Reward Model",
            "KTO: Model Alignment as Prospect-Theoretic Optimization",
            "Constitutional AI: Harmlessness from AI Feedback",
            "DeepSeek-R1",
            "o1 system card",
            "Let’s Verify Step by Step (Process Reward Models)",
            "VersaPRM",
            "ReAct: Synergizing Reasoning and Acting",
            "Toolformer: LMs Can Teach Themselves to Use Tools",
            "DSPy: Compiling Declarative LM Calls into Self-Improving Pipelines",
            "GEPA: Reflective Prompt Evolution",
            "FlashAttention: Fast and Memory-Efficient Exact Attention",
            "Efficient Memory Management for LLM Serving with PagedAttention (vLLM)",
            "LLM.int8(): 8-bit Matrix Multiplication for Transformers at Scale",
            "GPTQ: Accurate Post-Training Quantization for GPTs",
            "AWQ: Activation-aware Weight Quantization",
            "Speculative Sampling",
            "Medusa",
            "StreamingLLM: Attention Sinks for Infinite-Length Input",
            "H2O: Heavy-Hitter Oracle for Efficient KV Cache",
            "SnapKV",
            "Draft-based Approximate Inference for LLMs",
            "LoRA",
            "DoRA",
            "Expressive Power of LoRA",
            "LoRA Training Provably Converges…",
            "Z-ICL: Zero-Shot In-Context Learning with Pseudo-demos",
            "Dual Operating Modes of ICL",
            "PromptIntern",
            "PromptBreeder",
            "Auto Evol-Instruct",
            "Automatic Prompt Engineer (APE)",
            "PromptAgent");

    private final ParsedList list = new CourseScheduleParser().parse("ignored", Seeds.read(Seeds.COURSE));
    private final ParsedCourse course = list.course();

    @Test
    void courseIsLlm901TitledByItsFullLine() {
        assertEquals("llm-901", course.slug());
        assertEquals("LLM 901 — Weekly Reading Schedule with TL;DRs", course.title());
        assertEquals("LLM 901 — Weekly Reading Schedule with TL;DRs", list.name());
        assertEquals("llm-901", list.slug());
    }

    @Test
    void captionLineAboveTheTitleIsNeitherEntryNorWarning() {
        assertTrue(list.entries().stream().noneMatch(e -> e.resource().title().equals("Paper List")));
        assertTrue(list.warnings().isEmpty(), list.warnings().toString());
    }

    @Test
    void numberedSectionsWithNonBreakingHyphensFormATree() {
        assertEquals(List.of(
                new Section("1", "Training LLMs", null),
                new Section("1-1", "Pretraining", "1"),
                new Section("1-1-1", "Architecture", "1-1"),
                new Section("1-1-2", "Training Data", "1-1"),
                new Section("1-1-3", "Training Algorithms", "1-1"),
                new Section("1-2", "Posttraining", "1"),
                new Section("2", "Using LLMs", null),
                new Section("3", "Adapting LLMs", null)), course.sections());
    }

    @Test
    void hasTwentySixSessionsInOrderWithLabelsAndDates() {
        List<String> labels = course.sessions().stream().map(Session::label).toList();
        assertEquals(26, labels.size());
        assertEquals(List.of("Week 1-1", "Week 1-2", "Week 2-1", "Week 2-2", "Week 3-1", "Week 3-2", "Week 4-1",
                "Week 4-2", "Week 5-1", "Week 5-2", "Week 6-1", "Week 6-2", "Week 7-1", "Week 7-2", "Week 8-1",
                "Week 8-2", "Week 9-1", "Week 9-2", "Week 10-1", "Week 10-2", "Week 11-1", "Week 11-2",
                "11/24/2025", "11/28/2025", "12/01/2025", "12/05/2025"), labels);
        List<LocalDate> dates = course.sessions().stream().map(Session::date).toList();
        assertTrue(IntStream.range(1, dates.size()).allMatch(i -> dates.get(i).isAfter(dates.get(i - 1))));
        assertEquals(LocalDate.of(2025, 9, 8), dates.get(0));
        assertEquals(LocalDate.of(2025, 12, 5), dates.get(25));
    }

    @Test
    void week2Dash1IsLongContextWithRoformerLongropeYarnInOrder() {
        Session week = course.sessions().get(2);
        assertEquals("Week 2-1", week.label());
        assertEquals(LocalDate.of(2025, 9, 15), week.date());
        assertEquals("Positional Encodings and Long Context", week.title());
        assertEquals("1-1-1", week.sectionNumber());
        assertEquals(12, week.line());
        assertEquals(List.of("RoFormer: Enhanced Transformer with Rotary Position Embedding",
                "LongRoPE: Extending LLM Context Window Beyond 2 Million Tokens",
                "YaRN: Efficient Context Window Extension of LLMs"),
                week.readings().stream().map(r -> r.resource().title()).toList());
    }

    @Test
    void datedOnlySessionsUseTheDateAsLabel() {
        Session peft = course.sessions().get(22);
        assertEquals("11/24/2025", peft.label());
        assertEquals(LocalDate.of(2025, 11, 24), peft.date());
        assertEquals("PEFT", peft.title());
        assertEquals("3", peft.sectionNumber());
    }

    @Test
    void sessionsWithoutReadingsAreKept() {
        Set<String> empty = Set.copyOf(course.sessions().stream()
                .filter(s -> s.readings().isEmpty()).map(s -> s.label() + " " + s.title()).toList());
        assertEquals(Set.of("Week 7-2 RL of LLMs", "Week 8-1 RL of LLMs", "11/28/2025 Thanksgiving Recess"), empty);
    }

    @Test
    void everyReadingTitleIsSplitFromItsTldr() {
        List<String> titles = course.sessions().stream().flatMap(s -> s.readings().stream())
                .map(r -> r.resource().title()).toList();
        assertEquals(70, titles.size());
        for (int i = 0; i < READING_TITLES.size(); i++) {
            assertEquals(READING_TITLES.get(i), titles.get(i), "reading #" + (i + 1));
        }
        assertEquals(READING_TITLES.size(), titles.size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Old Optimizer, New Norm: An Anthology | Adam <-> Shampoo",
        "gpt-oss | Let’s review gpt-oss!",
        "Dion: Distributed Orthonormalized Updates | Communication-efficient Muon",
        "Kimi K2/MuonCLIP | Extends Muon ideas to CLIP-style multi-modal training.",
        "DataComp-LM | Open benchmark for LLM pretraining data curation; careful filtering and mixtures yield large gains.",
        "MegaBlocks | block-sparse GPU kernel for MoE training",
        "LoRA Training Provably Converges… | Convergence guarantees and clear failure modes in practical regimes.",
        "Direct Preference Optimization: Your LM is Secretly a Reward Model | "
                + "Optimizes preferences without RL by a simple classification-style loss (BT model).",
    })
    void tldrIsTheLastColonSegment(String title, String tldr) {
        assertEquals(tldr, Seeds.entryTitled(list, title).resource().tldr());
    }

    @Test
    void aTldrIsKeptAsWrittenEvenWhenItRepeatsTheTitle() {
        assertEquals("o1 system card", Seeds.entryTitled(list, "o1 system card").resource().tldr());
    }

    @Test
    void optionalMarkerIsAFlagNotPartOfTheTitle() {
        List<String> optional = course.sessions().stream().flatMap(s -> s.readings().stream())
                .filter(Reading::optional).map(r -> r.resource().title()).toList();
        assertEquals(List.of("MegaBlocks", "Google’s MoE"), optional);
    }

    @Test
    void readingsAreEntriesWithSessionAsSectionAndSectionChainAsTopics() {
        assertEquals(70, list.entries().size());
        ParsedEntry roformer = list.entries().get(4);
        assertEquals("RoFormer: Enhanced Transformer with Rotary Position Embedding", roformer.resource().title());
        assertEquals("Week 2-1: Positional Encodings and Long Context", roformer.section());
        assertEquals(List.of("Training LLMs", "Pretraining", "Architecture"), roformer.topicPath());
        assertEquals(13, roformer.line());
        assertEquals(List.of("Training LLMs", "Posttraining"), Seeds.entryTitled(list, "DeepSeek-R1").topicPath());
        assertEquals(List.of("Adapting LLMs"), Seeds.entryTitled(list, "LoRA").topicPath());
    }

    @Test
    void readingsArePapersWithoutUrl() {
        assertTrue(list.entries().stream().allMatch(e -> e.resource().kind() == ResourceKind.PAPER));
        assertTrue(list.entries().stream().allMatch(e -> e.resource().url() == null));
        assertFalse(list.entries().stream().anyMatch(ParsedEntry::read));
    }

    @Test
    void hyphenVariantsAreFoldedEverywhere() {
        assertTrue(Seeds.allText(list).noneMatch(text -> text.matches(".*[\\u2010\\u2011\\u2012].*")));
        assertTrue(course.sessions().stream().noneMatch(s -> (s.label() + s.title()).matches(".*[\\u2010\\u2011].*")));
        assertEquals("One-shot 3-4-bit weight quantization using approximate second-order information.",
                Seeds.entryTitled(list, "GPTQ: Accurate Post-Training Quantization for GPTs").resource().tldr());
    }
}
