package dev.readnext.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void aWordRepeatedEightyThreeTimesIsOneTerm() {
        SearchText text = SearchText.of("model ".repeat(83));
        assertEquals("model", text.query());
        assertEquals(1, text.terms());
    }

    @Test
    void repeatsAreDroppedWhateverTheirCaseAndTheFirstSpellingIsKept() {
        assertEquals("Learning model", SearchText.of("Learning learning LEARNING model Model").query());
    }

    @Test
    void distinctWordsAreCappedAtSixteenInTheirOrder() {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            words.append("word").append(i).append(' ');
        }
        SearchText text = SearchText.of(words.toString());
        assertEquals(SearchText.MAX_TERMS, text.terms());
        assertTrue(text.query().startsWith("word0 word1 "));
        assertTrue(text.query().endsWith(" word15"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiterString = "=>", value = {
        // the websearch_to_tsquery syntax survives: phrases, or, exclusion
        "rotary position embedding          => rotary position embedding",
        "\"rotary position\" embedding      => \"rotary position\" embedding",
        "rope or alibi                      => rope or alibi",
        "rope OR alibi -yarn                => rope or alibi -yarn",
        "-\"position interpolation\" rope   => -\"position interpolation\" rope",
        "\"unclosed phrase at the end       => \"unclosed phrase at the end\"",
        // exact duplicates only: a ∧ a = a, a ∨ a = a; groups are sets of alternatives
        "rope or rope or rope               => rope",
        "rope or alibi alibi or rope        => rope or alibi",
        "rope or alibi rope                 => rope or alibi rope",
        "yarn -yarn yarn -yarn              => yarn -yarn",
        "\"a b\" \"A B\" a b                => \"a b\" a b",
        // words PostgreSQL keeps together stay together; other punctuation separates
        "gpt-4 2104.09864                   => gpt-4 2104.09864",
        "model,model;model(model)           => model",
        "rope & alibi | !yarn <-> (x):*     => rope alibi yarn x",
        "or rope or                         => rope",
        "!!! ---                            => ''",
    })
    void keepsTheSyntaxAndDropsOnlyWhatChangesNothing(String text, String query) {
        assertEquals(query, SearchText.of(text).query());
    }

    @Test
    void aPhraseCountsAllItsWordsAndAPhraseOverTheCapIsDropped() {
        SearchText text = SearchText.of("rope \"" + "model ".repeat(83) + "\" yarn");
        assertEquals("rope yarn", text.query());
        assertEquals(2, text.terms());
    }

    @Test
    void aHyphenatedChainCountsEachPart() {
        assertEquals(3, SearchText.of("mixture-of-experts").terms());
        assertEquals("", SearchText.of("model-".repeat(40) + "model").query());
    }

    @Test
    void nulBytesAndControlCharactersSeparateWords() {
        assertEquals("rope alibi", SearchText.of("rope\u0000alibi\u0001\u0007").query());
        assertTrue(SearchText.of("\u0000\u0000").isEmpty());
    }

    @Test
    void nothingToSearchForIsEmpty() {
        assertTrue(SearchText.of(null).isEmpty());
        assertTrue(SearchText.of("  ").isEmpty());
    }

    @Test
    void nonLatinWordsAreWords() {
        assertEquals("注意力 Aufmerksamkeit", SearchText.of("注意力 Aufmerksamkeit 注意力 🙃").query());
    }
}
