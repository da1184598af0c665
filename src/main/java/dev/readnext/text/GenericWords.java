package dev.readnext.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;

/**
 * Words that say nothing about a paper's subject ("simple", "gives", "one"), listed in {@code generic-words.txt}:
 * kept in the index (they are part of the text) but never shown as what two papers have in common.
 */
public final class GenericWords {

    private static final CharArraySet WORDS = load();

    private GenericWords() {
    }

    /** Whether {@code word}, as written (any case), is generic. */
    public static boolean contains(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static CharArraySet load() {
        InputStream list = GenericWords.class.getResourceAsStream("generic-words.txt");
        if (list == null) {
            throw new IllegalStateException("generic-words.txt is missing from the class path");
        }
        try (Reader reader = new InputStreamReader(list, StandardCharsets.UTF_8)) {
            return CharArraySet.unmodifiableSet(WordlistLoader.getWordSet(reader, "#", new CharArraySet(256, false)));
        } catch (IOException e) {
            throw new UncheckedIOException("generic-words.txt cannot be read", e);
        }
    }
}
