package dev.readnext.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.readnext.text.TitleKey;

/**
 * Similar titles come alike from memory ({@link TitleTrigrams}) and from pg_trgm: for every seed title, its name
 * before the colon, and titles typed with mistakes ({@link Typos}), the same papers with the same scores in the same
 * order, for the fuzzy matches and for "did you mean".
 */
@QuarkusTest
class SimilarTitlesTest {

    @Inject
    PaperResolver fromMemory;

    @Inject
    TitleDictionary dictionary;

    @Inject
    EntityManager em;

    @Inject
    PaperService papers;

    @Inject
    DataSource db;

    private PaperResolver fromDatabase;

    @BeforeEach
    void bothResolvers() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!dictionary.loaded()) {
            assertTrue(Instant.now().isBefore(deadline), "dictionary not filled after 60 s");
            Thread.sleep(100);
        }
        fromDatabase = new PaperResolver();
        fromDatabase.em = em;
        fromDatabase.papers = papers;
        fromDatabase.dictionary = new TitleDictionary();
    }

    @Test
    void similarTitlesAreThoseOfPgTrgm() {
        Set<String> texts = texts();
        assertTrue(texts.size() > 1000, "texts: " + texts.size());
        assertEquals(List.of(), differences(texts, PaperResolver::bySimilarTitle, "similar titles"));
    }

    @Test
    void closestTitlesAreThoseOfPgTrgm() {
        Set<String> texts = texts();
        texts.addAll(List.of("zzzz qqqq", "xylophone", "ñandú", "日本語"));
        assertEquals(List.of(), differences(texts, PaperResolver::closestTitles, "closest titles"));
    }

    @Test
    void resolvingAndDidYouMeanAnswerAsFromTheDatabase() {
        List<String> differ = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (String text : texts()) {
                if (!text.isBlank() && text.length() <= PaperResolver.MAX_TEXT_LENGTH) {
                    List<String> memory = describe(fromMemory.resolve(text, 20));
                    List<String> database = describe(fromDatabase.resolve(text, 20));
                    List<String> memoryGuesses = describe(fromMemory.didYouMean(text));
                    List<String> databaseGuesses = describe(fromDatabase.didYouMean(text));
                    if (!memory.equals(database) || !memoryGuesses.equals(databaseGuesses)) {
                        differ.add(text + ": memory " + memory + " " + memoryGuesses + ", database " + database + " "
                                + databaseGuesses);
                    }
                }
            }
        });
        assertEquals(List.of(), differ);
    }

    /** Both word similarity and similarity of a text to every title, as pg_trgm gives them for the stored keys. */
    @Test
    void everyTitlesScoresAreThoseOfPgTrgm() throws SQLException {
        List<String> texts = new ArrayList<>(texts()).subList(0, 200);
        List<String> differ = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT title_key, public.word_similarity(?, title_key)::text, public.similarity(?, title_key)::text"
                        + " FROM paper")) {
            for (String text : texts) {
                s.setString(1, text);
                s.setString(2, text);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(1);
                        float word = TitleTrigrams.wordSimilarity(text, key);
                        float whole = TitleTrigrams.similarity(text, key);
                        if (word != Float.parseFloat(rs.getString(2)) || whole != Float.parseFloat(rs.getString(3))) {
                            differ.add(text + " / " + key + ": database " + rs.getString(2) + ", " + rs.getString(3)
                                    + ", memory " + word + ", " + whole);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), differ);
    }

    /** Memory's candidates against PostgreSQL's, for each text as typed and as the resolver's key; timed. */
    private List<String> differences(Set<String> texts, Lookup lookup, String what) {
        List<String> differ = new ArrayList<>();
        long[] nanos = new long[2];
        int[] lookups = new int[2];
        QuarkusTransaction.requiringNew().run(() -> {
            for (String text : texts) {
                for (String key : new LinkedHashSet<>(List.of(text, TitleKey.normalize(text)))) {
                    if (key.isBlank()) {
                        continue;
                    }
                    long start = System.nanoTime();
                    List<PaperResolver.Candidate> memory = lookup.find(fromMemory, key);
                    long between = System.nanoTime();
                    List<PaperResolver.Candidate> database = lookup.find(fromDatabase, key);
                    nanos[0] += between - start;
                    nanos[1] += System.nanoTime() - between;
                    lookups[0]++;
                    lookups[1] += database.size();
                    if (!memory.equals(database)) {
                        differ.add(key + ": memory " + memory + ", database " + database);
                    }
                }
            }
        });
        Log.infof("%s, %d look-ups (%d papers found) over %d papers: memory %.3f ms, PostgreSQL %.3f ms on average",
                what, lookups[0], lookups[1], Paper.count(), nanos[0] / 1e6 / lookups[0], nanos[1] / 1e6 / lookups[0]);
        return differ;
    }

    private interface Lookup {
        List<PaperResolver.Candidate> find(PaperResolver resolver, String key);
    }

    /** Every title, its name before the colon, and three mistyped variants of each (fixed seed). */
    private Set<String> texts() {
        Random random = new Random(7);
        Set<String> texts = new LinkedHashSet<>();
        List<String> titles = QuarkusTransaction.requiringNew().call(() -> Paper.<Paper>listAll().stream()
                .sorted(Comparator.comparingLong(p -> p.id)).map(p -> p.title).toList());
        for (String title : titles) {
            texts.add(title);
            int colon = title.indexOf(':');
            if (colon > 0) {
                texts.add(title.substring(0, colon));
            }
            for (int i = 0; i < 3; i++) {
                texts.add(Typos.perturb(random, title));
            }
        }
        return texts;
    }

    private static List<String> describe(List<PaperMatch> matches) {
        return matches.stream().map(m -> m.paper().id + "@" + m.score() + "/" + m.matchedBy()).toList();
    }
}
