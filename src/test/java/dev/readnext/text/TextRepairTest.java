package dev.readnext.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRepairTest {

    /** What a UTF-8 text looks like after being decoded as cp1252: the way mojibake is made. */
    private static String mangle(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"When Smol Goes Big — Data-Centric", "Google’s TPUv4i", "naïve café", "‘quoted’ and “open",
        "Krähenbühl • 5 €", "emoji 🤗 too", "Oğuz"})
    void repairsAnyCp1252Mojibake(String original) {
        assertEquals(original, TextRepair.repair(mangle(original)));
    }

    @Test
    void repairsTheSeedMarkersInsideOtherwiseCorrectText() {
        assertEquals("SmolLM2: When Smol Goes Big — Data", TextRepair.repair("SmolLM2: When Smol Goes Big â€” Data"));
        assertEquals("Fabian Güra and Google’s", TextRepair.repair("Fabian Güra and Googleâ€™s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Fabian Güra", "Philipp Krähenbühl", "Barlas Oğuz", "详细谈谈DeepSeek MoE", "Top-$nσ$",
        "([𝕏](https://x.com/a))", "Mixtral of Experts (8×7B)", "Â is a letter", "résumé"})
    void leavesCorrectTextAlone(String text) {
        assertEquals(text, TextRepair.repair(text));
    }

    @Test
    void foldsHyphenVariantsButKeepsSpacedDashes() {
        assertEquals("Week 1-1 and 1-1-1) DeepSeek-V2", TextRepair.repair("Week 1\u20111 and 1\u20111\u20111) DeepSeek\u2010V2"));
        assertEquals("3-4-bit", TextRepair.repair("3\u20134\u2011bit"));
        assertEquals("x-y", TextRepair.repair("x\u2212y"));
        assertEquals("LLM 901 — Weekly, a – b", TextRepair.repair("LLM 901 — Weekly, a – b"));
        assertEquals("hyphenation", TextRepair.repair("hyph\u00ADenation"));
    }

    @Test
    void cleanCollapsesWhitespaceButRepairKeepsIndentation() {
        assertEquals("Towards a Distributed Free Lunch", TextRepair.clean("  Towards a\u00A0Distributed \t Free  Lunch "));
        assertEquals("\t *Abhishek Thakur*", TextRepair.repair("\t *Abhishek Thakur*"));
    }

    @Test
    void displayTextIsNotNfkcFolded() {
        assertEquals("𝕏 … ²", TextRepair.clean("𝕏 … ²"));
    }
}
