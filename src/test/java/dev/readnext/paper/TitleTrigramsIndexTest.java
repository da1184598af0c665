package dev.readnext.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;

import dev.readnext.text.TitleKey;

/**
 * The trigram index answers as measuring every title would, also after papers were added, changed and removed one by
 * one, past compactions of the postings removals leave behind: titles from a few short words, so that many share
 * trigrams and scores tie.
 */
class TitleTrigramsIndexTest {

    private static final String[] WORDS = { "attention", "attend", "tension", "low", "rank", "lora", "rope", "roformer",
            "scaling", "scale", "laws", "law", "moe", "mixture", "experts", "expert", "of", "yarn", "dpo", "zclip", "x",
            "ab", "abc" };

    @Test
    void anIndexKeptByChangesAnswersAsMeasuringEveryTitle() {
        Random random = new Random(11);
        Map<Long, TitleDictionary.Names> papers = new LinkedHashMap<>();
        for (long id = 1; id <= 300; id++) {
            papers.put(id, names(random, id));
        }
        TitleTrigrams index = TitleTrigrams.of(papers.values());
        for (int change = 1; change <= 3_000; change++) { // enough removals for a compaction or two
            long id = 1 + random.nextInt(400);
            index.remove(id);
            papers.remove(id);
            if (random.nextInt(3) > 0) {
                TitleDictionary.Names names = names(random, id);
                index.add(names);
                papers.put(id, names);
            }
            if (change % 250 == 0) {
                assertEquals(List.of(), differences(index, papers, random), "after " + change + " changes");
            }
        }
        assertEquals(measured(papers, "qqq", 0, 5, n -> length(n.title())), index.closestOfAll("qqq", 5),
                "shortest titles when none shares a trigram");
    }

    /** Where the index answers otherwise than measuring every title: random texts, and every title's own words. */
    private static List<String> differences(TitleTrigrams index, Map<Long, TitleDictionary.Names> papers,
            Random random) {
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String text = i % 2 == 0 ? title(random) : Typos.perturb(random, title(random));
            List<TitleTrigrams.Match> similar = index.closest(text, 0.35, 20);
            List<TitleTrigrams.Match> expected = measured(papers, text, 0.35, 20, n -> length(n.titleKey()));
            if (!similar.equals(expected)) {
                differ.add(text + ": " + similar + " vs " + expected);
            }
            List<TitleTrigrams.Match> closest = index.closestOfAll(text, 5);
            List<TitleTrigrams.Match> expectedClosest = measured(papers, text, 0, 5, n -> length(n.title()));
            if (!closest.equals(expectedClosest)) {
                differ.add(text + " (closest): " + closest + " vs " + expectedClosest);
            }
        }
        for (TitleDictionary.Names names : papers.values()) { // every title left is still found by its own words
            List<TitleTrigrams.Match> similar = index.closest(names.titleKey(), 0.35, 20);
            if (!similar.equals(measured(papers, names.titleKey(), 0.35, 20, n -> length(n.titleKey())))) {
                differ.add(names.titleKey() + ": " + similar);
            }
        }
        return differ;
    }

    private static List<TitleTrigrams.Match> measured(Map<Long, TitleDictionary.Names> papers, String text,
            double threshold, int limit, ToIntFunction<TitleDictionary.Names> length) {
        record Measured(TitleDictionary.Names names, float wordSimilarity) {
        }
        return papers.values().stream()
                .map(n -> new Measured(n, TitleTrigrams.wordSimilarity(text, n.titleKey())))
                .filter(m -> m.wordSimilarity() >= threshold)
                .sorted(Comparator.comparing(Measured::wordSimilarity, Comparator.reverseOrder())
                        .thenComparingInt(m -> length.applyAsInt(m.names()))
                        .thenComparingLong(m -> m.names().id()))
                .limit(limit)
                .map(m -> new TitleTrigrams.Match(m.names().id(), m.wordSimilarity(), Math.max(
                        TitleTrigrams.similarity(text, m.names().titleKey()),
                        TitleTrigrams.similarity(text, m.names().title().split(":", -1)[0]))))
                .toList();
    }

    private static TitleDictionary.Names names(Random random, long id) {
        String title = title(random);
        return new TitleDictionary.Names(id, title, TitleKey.normalize(title), null, null, List.of(), List.of());
    }

    private static String title(Random random) {
        StringBuilder title = new StringBuilder();
        for (int words = 1 + random.nextInt(5); words > 0; words--) {
            title.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(6) == 0 ? ": " : " ");
        }
        return title.toString().strip();
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
