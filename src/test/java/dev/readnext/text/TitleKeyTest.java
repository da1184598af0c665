package dev.readnext.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleKeyTest {

    @Test
    void keysOfLoraAreTheWholeTitleAndTheNameBeforeTheColon() {
        TitleKey lora = TitleKey.of("LoRA: Low-Rank Adaptation of Large Language Models");
        assertEquals(List.of("lora low rank adaptation of large language models", "lora"), lora.all());
        assertEquals("lora", lora.shortName());
    }

    @Test
    void llmAndLargeLanguageModelGiveTheSameKeyInBothDirections() {
        assertEquals(TitleKey.normalize("Efficient Context Window Extension of Large Language Models"),
                TitleKey.normalize("Efficient Context Window Extension of LLMs"));
        assertEquals(TitleKey.normalize("Large Language Model Serving"), TitleKey.normalize("LLM Serving"));
        assertEquals(TitleKey.normalize("Training Language Models to Follow Instructions"),
                TitleKey.normalize("Training LMs to Follow Instructions"));
    }

    @Test
    void normalisesCaseHyphensAccentsApostrophesAndLeadingArticle() {
        assertEquals("lets verify step by step", TitleKey.normalize("Let’s Verify Step\u2011by\u2011Step"));
        assertEquals("ultra scale playbook", TitleKey.normalize("The Ultra-Scale Playbook"));
        assertEquals("krahenbuhl", TitleKey.normalize("Krähenbühl"));
        assertEquals("x", TitleKey.normalize("𝕏"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "YaRN (Yet another RoPE extensioN method) Efficient Context Window Extension of Large Language Models"
                + " | YaRN: Efficient Context Window Extension of LLMs",
        "Efficient Memory Management for LLM Serving with PagedAttention (vLLM)"
                + " | Efficient Memory Management for Large Language Model Serving with PagedAttention",
        "Mixtral of Experts (8×7B) | Mixtral of Experts",
        "LoRA | LoRA: Low-Rank Adaptation of Large Language Models",
        "MegaBlocks | MegaBlocks: Efficient Sparse Training with Mixture-of-Experts",
        "DeepSeek‑V2: A Strong, Economical, and Efficient Mixture‑of‑Experts Language Model"
                + " | DeepSeek-V2: A Strong, Economical, and Efficient Mixture-of-Experts Language Model",
        "MoE-Infinity: : Activation-Aware Expert Offloading | MoE-Infinity: Activation-Aware Expert Offloading",
    })
    void sameResourceUnderDifferentNamesMatches(String one, String other) {
        assertTrue(TitleKey.of(one).matches(TitleKey.of(other)));
        assertTrue(TitleKey.of(other).matches(TitleKey.of(one)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Muon | Muon Optimizer",
        "Scaling Laws: A Survey | Scaling Laws",
        "Scaling Laws for Neural Language Models | Scaling Laws for Floating Point Quantization Training",
        "LlamaIndex: Enhancing Retrieval Performance | LlamaIndex: Building Agents",
        "DeepSeek-V2: A Strong MoE Language Model | DeepSeek-V3 Technical Report",
        "Tutorial #17: Transformers III Training | Tutorial #17",
        "RoPE paper | RoFormer: Enhanced Transformer with Rotary Position Embedding",
    })
    void differentResourcesDoNotMatch(String one, String other) {
        assertFalse(TitleKey.of(one).matches(TitleKey.of(other)));
        assertFalse(TitleKey.of(other).matches(TitleKey.of(one)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Kimi K2/MuonCLIP: Extends Muon | kimi k2 muonclip",
        "Constitutional AI: Harmlessness from AI Feedback | constitutional ai",
        "LLM.int8(): 8-bit Matrix Multiplication | large language model int8",
        "Z-ICL: Zero-Shot In-Context Learning | z icl",
    })
    void shortNameIsTakenWhenTheLeadInReadsAsAName(String title, String shortName) {
        assertEquals(shortName, TitleKey.of(title).shortName());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Scaling Laws: A Survey",
        "Old Optimizer, New Norm: An Anthology",
        "Direct Preference Optimization: Your LM is Secretly a Reward Model",
        "GitHub: apple/ml-vision-transformers-ane",
        "Tutorial #17: Transformers III Training",
        "arXiv:2104.09864",
        "LoRA Training Provably Converges…",
    })
    void noShortNameForGenericOrLongLeadIns(String title) {
        assertNull(TitleKey.of(title).shortName());
    }
}
