package dev.readnext.recommend;

import static dev.readnext.graphql.GraphQL.ok;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.readnext.text.StopWords;
import io.quarkus.test.junit.QuarkusTest;

/**
 * "What next" stays on the paper's subject, on the seed lists: cases written from the lists (the sessions,
 * sections and what the papers are about), several per subject. Each names papers on the subject, of which some
 * must lead, and papers off it (the course's next session, a word in common) that must not come first.
 */
@QuarkusTest
class OnSubjectTest {

    private static final String NEXT = """
            query N($after: String!) { nextPapers(after: $after, first: 5) {
              resolved { title } recommendations { paper { title } } } }""";

    @ParameterizedTest(name = "after {0}: {2} of [{1}] in the top 5, none of [{3}]")
    @CsvSource(delimiter = '|', value = {
            // KV cache and approximate inference
            "SnapKV | H2O; Draft-based; Attention Sinks; PagedAttention | 2 | LoRA; DoRA; Expressive Power",
            "H2O | SnapKV; Draft-based; Attention Sinks | 2 | LoRA; DoRA",
            "StreamingLLM | H2O; SnapKV; Draft-based; LongRoPE; YaRN | 1 | LoRA; DoRA",
            // preference optimisation
            "KTO | Direct Preference; Training language models to follow instructions; Constitutional AI | 2 | o1 System Card",
            "DPO | KTO; Training language models to follow instructions; Constitutional AI | 2 | Muon; LoRA",
            // position encodings and long context
            "RoPE | YaRN; LongRoPE; Rotary Positional | 2 | Mixtral; DeepSeek-V2",
            "YaRN | RoFormer; LongRoPE; Rotary Positional | 2 | Mixtral",
            // mixture of experts
            "Switch Transformers | Mixture; Experts; MoE | 3 | RoFormer",
            "Mixtral | Mixture; Experts; MoE; DeepSeek | 3 | RoFormer; LongRoPE",
            "DeepSeek-V3 | DeepSeek-V2; Multi-token; Mixtral; MoE; Experts | 2 | RoFormer; LongRoPE",
            // parameter-efficient fine-tuning
            "LoRA | DoRA; Low-Rank; LoRA | 2 | SnapKV; H2O",
            "DoRA | LoRA; Low-Rank | 2 | SnapKV",
            // optimizers
            "Muon | Optimizer; Shampoo; SOAP; Muon; Adam; Dion | 3 | Megatron",
            "AdamW | Adam; Optimizer; Shampoo; SOAP; Muon; Weight Decay | 2 | Megatron",
            // quantization
            "GPTQ | AWQ; SmoothQuant; Quantization; LLM.int8 | 2 | LoRA; RoFormer",
            "AWQ | GPTQ; SmoothQuant; Quantization; LLM.int8 | 2 | LoRA; RoFormer" })
    void recommendationsStayOnTheSubject(String after, String onSubject, int atLeast, String offSubject) {
        List<String> titles = ok(NEXT, Map.of("after", after)).extract()
                .path("data.nextPapers.recommendations.paper.title");
        long on = titles.stream().filter(title -> mentionsAny(title, onSubject)).count();
        assertTrue(on >= atLeast, "after " + after + ": " + titles);
        titles.subList(0, Math.min(3, titles.size())).forEach(title ->
                assertFalse(mentionsAny(title, offSubject), "after " + after + ", off subject at the top: " + titles));
    }

    /**
     * Over every seed paper: shared terms are at most five, never bare numbers, stop words, or words in more than
     * 5 % of the papers' titles and TL;DRs (counted here, independently of the engine).
     */
    @Test
    void explanationsCarryNoFillerForAnySeedPaper() {
        List<Map<String, Object>> papers = allPapers();
        Map<String, Integer> df = new HashMap<>();
        for (Map<String, Object> paper : papers) {
            Set<String> words = new HashSet<>();
            for (String word : WORD.split((paper.get("title") + " " + paper.getOrDefault("tldr", "")).toLowerCase(Locale.ROOT))) {
                words.add(word);
            }
            words.forEach(w -> df.merge(w, 1, Integer::sum));
        }
        int frequent = papers.size() * 5 / 100;
        List<String> filler = new ArrayList<>();
        int checked = 0;
        for (Map<String, Object> paper : papers) {
            List<List<String>> terms = ok("query R($id: ID!) { relatedPapers(paperId: $id, first: 5) { sharedTerms } }",
                    Map.of("id", paper.get("id"))).extract().path("data.relatedPapers.sharedTerms");
            for (List<String> shown : terms) {
                assertTrue(shown.size() <= 5, "more than 5 terms: " + shown);
                for (String term : shown) {
                    checked++;
                    String lower = term.toLowerCase(Locale.ROOT);
                    if (lower.matches("\\d+([.,]\\d+)*") || StopWords.english().contains(lower)
                            || df.getOrDefault(lower, 0) > frequent) {
                        filler.add(term + " (" + paper.get("title") + ")");
                    }
                }
            }
        }
        assertTrue(checked > 200, "too few shared terms to judge: " + checked);
        assertTrue(filler.isEmpty(), filler.size() + " filler terms: " + filler);
    }

    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static List<Map<String, Object>> allPapers() {
        List<Map<String, Object>> papers = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            var page = ok("query P($after: String) { papers(first: 100, after: $after) { edges { node { id title tldr } }"
                    + " pageInfo { hasNextPage endCursor } } }", variables).extract();
            List<Map<String, Object>> nodes = page.path("data.papers.edges.node");
            papers.addAll(nodes);
            after = Boolean.TRUE.equals(page.path("data.papers.pageInfo.hasNextPage"))
                    ? page.path("data.papers.pageInfo.endCursor") : null;
        } while (after != null);
        return papers;
    }

    private static boolean mentionsAny(String title, String fragments) {
        String lower = title.toLowerCase(Locale.ROOT);
        for (String fragment : fragments.split(";")) {
            if (lower.contains(fragment.strip().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
