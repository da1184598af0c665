package dev.readnext.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Free text resolves alike from memory and from PostgreSQL: for every paper's title, name before the colon, aliases,
 * arXiv id, URL and the acronyms of its title's words, the matches (paper, score, how) of the resolver over the filled
 * {@link TitleDictionary} equal those of a resolver whose dictionary is empty (which asks PostgreSQL).
 */
@QuarkusTest
class TitleDictionaryTest {

    @Inject
    PaperResolver fromMemory;

    @Inject
    TitleDictionary dictionary;

    @Inject
    EntityManager em;

    @Inject
    PaperService papers;

    @Test
    void everyNameResolvesAsFromTheDatabase() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!dictionary.loaded()) {
            assertTrue(Instant.now().isBefore(deadline), "dictionary not filled after 60 s");
            Thread.sleep(100);
        }
        PaperResolver fromDatabase = new PaperResolver();
        fromDatabase.em = em;
        fromDatabase.papers = papers;
        fromDatabase.dictionary = new TitleDictionary();

        Set<String> texts = QuarkusTransaction.requiringNew().call(this::texts);
        assertTrue(texts.size() > 500, "texts: " + texts.size());
        List<String> differ = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (String text : texts) {
                List<String> memory = fromMemory.resolve(text, 20).stream().map(TitleDictionaryTest::describe).toList();
                List<String> database = fromDatabase.resolve(text, 20).stream().map(TitleDictionaryTest::describe).toList();
                if (!memory.equals(database)) {
                    differ.add(text + ": memory " + memory + ", database " + database);
                }
            }
        });
        assertEquals(List.of(), differ);
    }

    private Set<String> texts() {
        Set<String> texts = new LinkedHashSet<>();
        for (Paper paper : Paper.<Paper>listAll()) {
            texts.add(paper.title);
            texts.add("the " + paper.title + " paper");
            int colon = paper.title.indexOf(':');
            if (colon > 0) {
                texts.add(paper.title.substring(0, colon));
            }
            if (paper.arxivId != null) {
                texts.add(paper.arxivId);
            }
            if (paper.url != null) {
                texts.add(paper.url);
            }
            String[] words = paper.title.split("[^\\p{L}\\p{N}]+");
            for (int from = 0; from < Math.min(3, words.length); from++) {
                StringBuilder acronym = new StringBuilder();
                for (int i = from; i < Math.min(words.length, from + 4); i++) {
                    if (!words[i].isEmpty()) {
                        acronym.append(i % 2 == 0 ? Character.toUpperCase(words[i].charAt(0)) : words[i].charAt(0));
                        if (acronym.length() >= 2) {
                            texts.add(acronym.toString());
                        }
                    }
                }
            }
        }
        for (PaperAlias alias : PaperAlias.<PaperAlias>listAll()) {
            texts.add(alias.alias);
        }
        return texts;
    }

    private static String describe(PaperMatch match) {
        return match.paper().id + "@" + match.score() + "/" + match.matchedBy();
    }
}
