package dev.readnext.text;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;

/**
 * English stop words: Lucene's {@link EnglishAnalyzer#ENGLISH_STOP_WORDS_SET} (33 words) plus the Snowball
 * English list shipped with Lucene (about 170 function words such as "we", "our", "which", "both", "can't"),
 * plus Latin abbreviations that scientific prose uses as function words.
 */
public final class StopWords {

    private static final List<String> SCIENTIFIC_PROSE = List.of("e.g", "i.e", "et", "al", "etc", "vs", "cf", "w.r.t");

    private static final CharArraySet ENGLISH = load();

    private StopWords() {
    }

    public static CharArraySet english() {
        return ENGLISH;
    }

    private static CharArraySet load() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        try (Reader snowball = new InputStreamReader(
                SnowballFilter.class.getResourceAsStream("english_stop.txt"), StandardCharsets.UTF_8)) {
            words.addAll(WordlistLoader.getSnowballWordSet(snowball));
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's Snowball English stop list is missing", e);
        }
        words.addAll(SCIENTIFIC_PROSE);
        return CharArraySet.unmodifiableSet(words);
    }
}
