package dev.readnext.recommend.engine;

import dev.readnext.text.TextAnalyzer;
import dev.readnext.text.Token;
import java.util.LinkedHashMap;
import java.util.Map;

/** Analyses the fields of a {@link DocumentText} and sums their boosted term frequencies. */
final class DocumentAnalyzer {

    private final TextAnalyzer textAnalyzer;
    private final FieldBoosts boosts;

    DocumentAnalyzer(TextAnalyzer textAnalyzer, FieldBoosts boosts) {
        this.textAnalyzer = textAnalyzer;
        this.boosts = boosts;
    }

    AnalyzedDocument analyze(DocumentText doc) {
        Map<String, TermTally> tallies = new LinkedHashMap<>();
        addField(tallies, doc.abstractText(), boosts.abstractText());
        addField(tallies, doc.tldr(), boosts.tldr());
        addField(tallies, doc.title(), boosts.title());
        String[] terms = new String[tallies.size()];
        float[] tf = new float[terms.length];
        String[] surfaces = new String[terms.length];
        int i = 0;
        for (Map.Entry<String, TermTally> entry : tallies.entrySet()) {
            terms[i] = entry.getKey();
            tf[i] = entry.getValue().boostedTf;
            surfaces[i] = entry.getValue().surface;
            i++;
        }
        return new AnalyzedDocument(doc.id(), terms, tf, surfaces);
    }

    private void addField(Map<String, TermTally> tallies, String text, float boost) {
        for (Token token : textAnalyzer.analyze(text)) {
            tallies.computeIfAbsent(token.term(), term -> new TermTally(token.surface())).boostedTf += boost;
        }
    }

    private static final class TermTally {
        final String surface;
        float boostedTf;

        TermTally(String surface) {
            this.surface = surface;
        }
    }
}
