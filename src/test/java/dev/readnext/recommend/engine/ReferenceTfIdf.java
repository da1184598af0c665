package dev.readnext.recommend.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.apache.commons.math3.linear.OpenMapRealVector;
import org.apache.commons.math3.linear.RealVector;

/**
 * An independent model of {@link TfIdfIndex} for documents whose words (at most 512 distinct) pass the analyser unchanged: it splits on
 * spaces, weighs with the documented formulas in double precision and Commons Math vectors, and ranks by
 * brute-force cosine. It learns only <em>when</em> the index re-weighted, and then snapshots (n, df) itself.
 */
final class ReferenceTfIdf {

    private static final int DIMENSION = 512;

    private final FieldBoosts boosts;
    private final Map<Long, DocumentText> documents = new LinkedHashMap<>();
    private final Map<String, Integer> dimensions = new HashMap<>();
    private int generationDocuments;
    private Map<String, Integer> generationDf = Map.of();

    ReferenceTfIdf(FieldBoosts boosts) {
        this.boosts = boosts;
    }

    void upsert(DocumentText document) {
        documents.put(document.id(), document);
    }

    void remove(long id) {
        documents.remove(id);
    }

    boolean contains(long id) {
        return documents.containsKey(id);
    }

    List<Long> ids() {
        return new ArrayList<>(documents.keySet());
    }

    /** The index re-weighted: freeze n and df over the documents now. */
    void newGeneration() {
        generationDocuments = documents.size();
        Map<String, Integer> df = new HashMap<>();
        documents.values().forEach(doc -> boostedTf(doc).keySet().forEach(term -> df.merge(term, 1, Integer::sum)));
        generationDf = df;
    }

    RealVector vector(long id) {
        RealVector vector = new OpenMapRealVector(DIMENSION);
        boostedTf(documents.get(id)).forEach((term, tf) -> {
            int df = generationDf.getOrDefault(term, 0);
            double g = df < 2 ? 0 : Math.sqrt(Math.log((1.0 + generationDocuments) / (1.0 + df)) + 1);
            vector.setEntry(dimension(term), (1 + Math.log(tf)) * g);
        });
        return vector.getNorm() == 0 ? vector : vector.unitVector();
    }

    RealVector rocchio(List<Long> positives, List<Long> negatives, double alpha, double beta) {
        RealVector sum = new OpenMapRealVector(DIMENSION);
        for (long id : positives) {
            sum = sum.add(vector(id).mapMultiply(alpha / positives.size()));
        }
        for (long id : negatives) {
            sum = sum.subtract(vector(id).mapMultiply(beta / negatives.size()));
        }
        RealVector clipped = sum.map(x -> Math.max(0, x));
        return clipped.getNorm() == 0 ? clipped : clipped.unitVector();
    }

    /** Every document with a positive cosine, best first, ties by id. */
    List<ScoredDocument> ranking(RealVector query, LongPredicate exclude) {
        List<ScoredDocument> ranking = new ArrayList<>();
        for (long id : documents.keySet()) {
            if (exclude.test(id)) {
                continue;
            }
            double score = query.dotProduct(vector(id));
            if (score > 1e-12) {
                ranking.add(new ScoredDocument(id, score));
            }
        }
        ranking.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : Long.compare(a.id(), b.id()));
        return ranking;
    }

    private Map<String, Double> boostedTf(DocumentText doc) {
        Map<String, Double> tf = new HashMap<>();
        count(tf, doc.title(), boosts.title());
        count(tf, doc.tldr(), boosts.tldr());
        count(tf, doc.abstractText(), boosts.abstractText());
        return tf;
    }

    private static void count(Map<String, Double> tf, String text, double boost) {
        if (text != null && !text.isBlank()) {
            for (String word : text.trim().split(" +")) {
                tf.merge(word, boost, Double::sum);
            }
        }
    }

    private int dimension(String term) {
        return dimensions.computeIfAbsent(term, t -> dimensions.size());
    }
}
