package dev.readnext.recommend.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TermDictionaryTest {

    @Test
    void idsAreDenseStableAndSurviveGrowth() {
        TermDictionary dictionary = new TermDictionary();
        for (int i = 0; i < 50_000; i++) {
            assertEquals(i, dictionary.idOrAdd("term" + i, "Term" + i));
        }
        for (int i = 0; i < 50_000; i += 997) {
            assertEquals(i, dictionary.idOf("term" + i));
            assertEquals(i, dictionary.idOrAdd("term" + i, "ignored"));
            assertEquals("Term" + i, dictionary.surface(i));
        }
        assertEquals(-1, dictionary.idOf("term50000"));
        assertEquals(-1, dictionary.idOf("term"));
        assertEquals(50_000, dictionary.size());
    }

    @Test
    void growsAgainAfterTrimming() {
        TermDictionary dictionary = new TermDictionary();
        dictionary.trimToSize();
        dictionary.idOrAdd("alpha", "Alpha");
        dictionary.trimToSize();

        assertEquals(1, dictionary.idOrAdd("beta", "Beta"));
        assertEquals(0, dictionary.idOf("alpha"));
        assertEquals("Alpha", dictionary.surface(0));
        assertEquals("Beta", dictionary.surface(1));
    }

    @Test
    void termsWithTheSameHashStayApart() {
        TermDictionary dictionary = new TermDictionary();
        int aa = dictionary.idOrAdd("Aa", "Aa");
        int bb = dictionary.idOrAdd("BB", "BB"); // "Aa".hashCode() == "BB".hashCode()

        assertEquals(0, aa);
        assertEquals(1, bb);
        assertEquals(bb, dictionary.idOf("BB"));
    }

    @Test
    void surfaceCanChange() {
        TermDictionary dictionary = new TermDictionary();
        int id = dictionary.idOrAdd("rotari", "Rotary");
        dictionary.setSurface(id, "rotary");
        dictionary.setSurface(id, "rotary");

        assertEquals("rotary", dictionary.surface(id));
    }
}
