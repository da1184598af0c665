package dev.readnext.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LatexTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = 0, value = {
        "M{\\\"u}ller | Müller",
        "M\\\"uller | Müller",
        "M\\\"{u}ller | Müller",
        "na\\\"{\\i}ve | naïve",
        "{\\'E}cole | École",
        "Fran\\c{c}ois and Fran\\c cois | François and François",
        "\\v{S}koda and \\H{o} and \\r{a} and \\~n | Škoda and ő and å and ñ",
        "Gro\\ss e \\o\\ \\AA ngstr\\\"om | Große ø Ångström",
        "{\\L}ukasz and \\l{}ojasiewicz | Łukasz and łojasiewicz",
        "Q\\&A at 50\\% for \\$5 in a\\_b \\#1 | Q&A at 50% for $5 in a_b #1",
        "{RoPE}: {E}nhanced {T}ransformer | RoPE: Enhanced Transformer",
        "pages 1--2 --- an aside | pages 1–2 — an aside",
        "``quoted'' text | “quoted” text",
        "Don't stop | Don't stop",
        "D.~E. Knuth | D. E. Knuth",
        "\\emph{Attention} is \\textbf{all} | Attention is all",
        "$\\alpha$-entmax and $O(n^2)$ | α-entmax and O(n^2)",
        "\\LaTeX{} and \\TeX | LaTeX and TeX",
        "an \\unknown{argument} stays | an argument stays",
        "line\\\\break | line break",
        "  spaced \t  out  | spaced out",
        "trailing backslash \\ | trailing backslash",
        "dangling accent \\' | dangling accent",
    })
    void turnsLatexIntoUnicode(String latex, String unicode) {
        assertEquals(unicode, Latex.toUnicode(latex));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Attention Is All You Need",
        "Q&A: 50% of $5 costs #1_x ~ ^ \\ {braces} and {unbalanced",
        "Don't -- ``quote'' --- '' `` x''",
        "Müller, Łukasz, 東京, emoji 🌟, α-entmax",
        "}}}{{{",
        "a\\'e and \\textbf{not a command}",
    })
    void escapeIsTheInverseOfToUnicode(String text) {
        assertEquals(text, Latex.toUnicode(Latex.escape(text)));
    }

    @Test
    void escapedTextHasBalancedBracesAndNoBareSpecialCharacters() {
        String escaped = Latex.escape("}{ & % $ # _ ~ ^ \\");
        assertEquals(escaped.chars().filter(c -> c == '{').count(), escaped.chars().filter(c -> c == '}').count());
        assertEquals("\\textbraceright{}\\textbraceleft{} \\& \\% \\$ \\# \\_ \\textasciitilde{} \\textasciicircum{}"
                + " \\textbackslash{}", escaped);
    }

    @Test
    void deeplyNestedAccentsAndBracesCostNoStackAndLinearTime() {
        String hostile = "\\'{".repeat(100_000) + "e" + "}".repeat(100_000) + "{".repeat(100_000)
                + "\\c{".repeat(50_000);
        String text = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> Latex.toUnicode(hostile));
        assertTrue(text.startsWith("é"), text.substring(0, 10));
    }
}
