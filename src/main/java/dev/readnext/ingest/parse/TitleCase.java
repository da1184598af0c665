package dev.readnext.ingest.parse;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Tells a title ("Enhanced Transformer with Rotary Position Embedding") from a sentence. */
final class TitleCase {

    /** Words a title keeps in lower case. */
    private static final Set<String> MINOR_WORDS = Set.of("a", "an", "the", "and", "or", "nor", "but", "of", "for",
            "in", "on", "at", "to", "by", "via", "vs", "with", "from", "into", "onto", "over", "as", "is", "are",
            "than", "without", "toward", "towards", "through", "per", "up");
    private static final Pattern SENTENCE_PUNCTUATION = Pattern.compile("[.!?;]\\s*$|;");
    private static final int MIN_WORDS = 3;

    private TitleCase() {
    }

    /** At least three words, every word but minor ones capitalised (or a number), no sentence punctuation. */
    static boolean readsAsTitle(String text) {
        if (SENTENCE_PUNCTUATION.matcher(text).find()) {
            return false;
        }
        List<String> words = Stream.of(text.trim().split("\\s+"))
                .filter(word -> word.codePoints().anyMatch(Character::isLetterOrDigit))
                .toList();
        if (words.size() < MIN_WORDS || !startsCapitalised(words.get(0))) {
            return false;
        }
        return words.stream().allMatch(word -> startsCapitalised(word)
                || MINOR_WORDS.contains(word.toLowerCase(Locale.ROOT)));
    }

    private static boolean startsCapitalised(String word) {
        int first = word.codePoints().filter(Character::isLetterOrDigit).findFirst().orElse('a');
        return Character.isUpperCase(first) || Character.isDigit(first);
    }
}
