package dev.readnext.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** {@link TitleTrigrams} computes what pg_trgm computes in the database here (PostgreSQL, locale C.UTF-8). */
@QuarkusTest
class TitleTrigramsTest {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String[] PUNCTUATION = { " ", " ", " ", "-", ":", "'", "’", "_", ".", ",", "(", ")", "/", "\t" };
    /** Accents (composed and combining), Greek with final sigma, Cyrillic, dotted and dotless i, CJK, digits, emoji. */
    private static final String[] UNICODE = { "é", "ü", "É", "ß", "ø", "e\u0301", "Σ", "ς", "σ", "Ω", "ж", "Ж", "İ", "ı",
            "ǅ", "日", "本", "٣", "²", "½", "🤗", "𝕏" };

    @Inject
    DataSource db;

    @Test
    void trigramsAreThoseShowTrgmShows() throws SQLException {
        Random random = new Random(1);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            texts.add(randomText(random, 30, false));
        }
        List<String> differ = new ArrayList<>();
        List<String[]> shown = query("SELECT array_to_string(public.show_trgm(t), '|') FROM unnest(?::text[])"
                + " WITH ORDINALITY AS u(t, n) ORDER BY n", texts);
        for (int i = 0; i < texts.size(); i++) {
            Set<String> expected = new TreeSet<>(shown.get(i)[0].isEmpty() ? List.of() : List.of(shown.get(i)[0].split("\\|")));
            Set<String> actual = new TreeSet<>();
            for (long trigram : TitleTrigrams.set(texts.get(i))) {
                actual.add(new String(new int[] { (int) (trigram >>> 42), (int) (trigram >>> 21 & 0x1FFFFF),
                        (int) (trigram & 0x1FFFFF) }, 0, 3));
            }
            if (!expected.equals(actual)) {
                differ.add(texts.get(i) + ": " + expected + " vs " + actual);
            }
        }
        assertEquals(List.of(), differ);
    }

    @Test
    void similarityAndWordSimilarityEqualPgTrgmToTheLastBit() throws SQLException {
        Random random = new Random(2);
        List<String> as = new ArrayList<>();
        List<String> bs = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String b = randomText(random, 60, true);
            String a = switch (i % 3) {
                case 0 -> randomText(random, 20, true);
                case 1 -> excerpt(random, b);
                default -> Typos.perturb(random, excerpt(random, b));
            };
            as.add(a);
            bs.add(b);
        }
        List<String[]> rows = query("SELECT public.similarity(a, b)::text, public.word_similarity(a, b)::text"
                + " FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS u(a, b, n) ORDER BY n", as, bs);
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < as.size(); i++) {
            float similarity = TitleTrigrams.similarity(as.get(i), bs.get(i));
            float wordSimilarity = TitleTrigrams.wordSimilarity(as.get(i), bs.get(i));
            if (similarity != Float.parseFloat(rows.get(i)[0]) || wordSimilarity != Float.parseFloat(rows.get(i)[1])) {
                differ.add("'" + as.get(i) + "' / '" + bs.get(i) + "': database " + Arrays.toString(rows.get(i))
                        + ", memory " + similarity + ", " + wordSimilarity);
            }
        }
        assertEquals(List.of(), differ);
    }

    /**
     * Which characters make words, and their lower case, for every code point Java knows (those only glibc's newer
     * Unicode assigns are the documented difference).
     */
    @Test
    void wordCharactersAndTheirLowerCaseAreTheDatabases() throws SQLException {
        Set<Integer> words = new HashSet<>();
        for (String[] row : query("SELECT cp FROM generate_series(1, 1114111) cp WHERE cp NOT BETWEEN 55296 AND 57343"
                + " AND cardinality(public.show_trgm(chr(cp))) > 0")) {
            words.add(Integer.parseInt(row[0]));
        }
        List<String> differ = new ArrayList<>();
        List<String> characters = new ArrayList<>();
        List<String> lowered = new ArrayList<>();
        for (int cp = 1; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Character.getType(cp) == Character.UNASSIGNED || Character.getType(cp) == Character.SURROGATE) {
                continue;
            }
            if (TitleTrigrams.isWordCharacter(cp) != words.contains(cp)) {
                differ.add(Integer.toHexString(cp));
            } else if (words.contains(cp)) {
                characters.add(Character.toString(cp));
                lowered.add(Character.toString(Character.toLowerCase(cp)));
            }
        }
        assertEquals(List.of(), differ, "word characters");
        List<String[]> notSame = query("SELECT c FROM unnest(?::text[], ?::text[]) AS u(c, l)"
                + " WHERE public.similarity(c, l) < 1", characters, lowered);
        assertEquals(List.of(), notSame.stream().map(r -> r[0]).toList(), "lower case");
    }

    private static String randomText(Random random, int maxLength, boolean unicode) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            if (unicode && random.nextInt(6) == 0) {
                text.append(UNICODE[random.nextInt(UNICODE.length)]);
            } else if (random.nextInt(8) == 0) {
                text.append(PUNCTUATION[random.nextInt(PUNCTUATION.length)]);
            } else {
                text.append(ALPHABET.charAt(random.nextInt(random.nextBoolean() ? 6 : ALPHABET.length())));
            }
        }
        return text.toString();
    }

    private static String excerpt(Random random, String text) {
        int[] cps = text.codePoints().toArray();
        int from = random.nextInt(cps.length + 1);
        return new String(cps, from, random.nextInt(cps.length - from + 1));
    }

    @SafeVarargs
    private List<String[]> query(String sql, List<String>... arrays) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < arrays.length; i++) {
                Array array = c.createArrayOf("text", arrays[i].toArray());
                s.setArray(i + 1, array);
            }
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] row = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
