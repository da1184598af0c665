package dev.readnext.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();

    private List<String> terms(String text) {
        return analyzer.analyze(text).stream().map(Token::term).toList();
    }

    @Test
    void technicalNamesSurviveAsOneToken() {
        List<String> terms = terms("LLM.int8() quantises to INT8 and FP4; YaRN extends RoPE.");
        assertEquals(List.of("llm.int8", "quantis", "int8", "fp4", "yarn", "extend", "rope"), terms);
    }

    @Test
    void hyphenatedCompoundBecomesItsPartsAsIfWrittenApart() {
        assertEquals(List.of("gpt", "oss"), terms("gpt-oss"));
        assertEquals(terms("vision language model"), terms("vision-language model"));
    }

    @Test
    void nonBreakingHyphenIsFoldedLikeAnAsciiHyphen() {
        assertEquals(terms("gpt-oss"), terms("gpt\u2011oss"));
        assertEquals(terms("encoder-decoder"), terms("encoder\u2013decoder"));
    }

    @Test
    void enDashBetweenSpacesStaysPunctuation() {
        assertEquals(List.of("result", "model"), terms("results \u2013 models"));
    }

    @Test
    void multiplicationSignInModelSizeIsFoldedToX() {
        assertEquals(List.of("mixtral", "8x7b"), terms("Mixtral 8×7B"));
        assertEquals(terms("Mixtral 8x7B"), terms("Mixtral 8×7B"));
    }

    @Test
    void nfkcFoldsLigaturesAndFullWidthLetters() {
        assertEquals(terms("efficient LLM"), terms("e\uFB03cient ＬＬＭ"));
    }

    @Test
    void stopWordsAreRemoved() {
        assertEquals(List.of("attent"), terms("This is all of the attention, e.g. which we have"));
    }

    @Test
    void wordsAreStemmed() {
        assertEquals(List.of("rotari", "posit", "embed"), terms("rotary position embeddings"));
    }

    @Test
    void possessiveIsStripped() {
        assertEquals(List.of("model", "weight"), terms("the model's weights"));
    }

    @Test
    void surfaceFormKeepsTheWordAsWritten() {
        List<Token> tokens = analyzer.analyze("Rotary embeddings of GPT-OSS");
        assertEquals(List.of(
                new Token("rotari", "Rotary"),
                new Token("embed", "embeddings"),
                new Token("gpt", "GPT"),
                new Token("oss", "OSS")), tokens);
    }

    @Test
    void emptyAndNullTextHaveNoTokens() {
        assertTrue(analyzer.analyze(null).isEmpty());
        assertTrue(analyzer.analyze("  -- ... ").isEmpty());
    }

    @Test
    void concurrentUseGivesTheSameTokens() {
        String text = "Mixture-of-experts models such as Mixtral 8x7B route tokens; LLM.int8() quantises weights.";
        List<Token> expected = analyzer.analyze(text);
        ConcurrentHashMap<List<Token>, Boolean> seen = new ConcurrentHashMap<>();
        IntStream.range(0, 2_000).parallel().forEach(i -> seen.put(analyzer.analyze(text), true));
        assertEquals(1, seen.size());
        assertFalse(expected.isEmpty());
        assertTrue(seen.containsKey(expected));
    }
}
