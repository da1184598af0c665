package dev.readnext.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.readnext.recommend.engine.RankedTopK;
import dev.readnext.recommend.engine.ScoredDocument;

/**
 * The quality anchor "plain TF-IDF", scikit-learn style: lower-cased {@code \b\w\w+\b} tokens of title + abstract,
 * raw tf, smoothed idf, L2; no stemming, no stop words. Scores every document exhaustively (brute force).
 */
final class PlainTfIdfBaseline {

    private static final Pattern WORD = Pattern.compile("(?U)\\b\\w\\w+\\b");

    private final int[][] docTerms;
    private final float[][] docWeights;
    private final int[][] postingDocs;
    private final float[][] postingWeights;

    PlainTfIdfBaseline(List<BenchCorpus.Paper> papers) {
        Map<String, Integer> dictionary = new HashMap<>();
        List<Map<Integer, Integer>> counts = new ArrayList<>();
        for (BenchCorpus.Paper paper : papers) {
            Map<Integer, Integer> tf = new HashMap<>();
            Matcher words = WORD.matcher((paper.title() + " " + paper.abstractText()).toLowerCase(Locale.ROOT));
            while (words.find()) {
                tf.merge(dictionary.computeIfAbsent(words.group(), w -> dictionary.size()), 1, Integer::sum);
            }
            counts.add(tf);
        }
        int[] df = new int[dictionary.size()];
        counts.forEach(tf -> tf.keySet().forEach(t -> df[t]++));
        docTerms = new int[papers.size()][];
        docWeights = new float[papers.size()][];
        for (int d = 0; d < papers.size(); d++) {
            weigh(d, counts.get(d), df, papers.size());
        }
        postingDocs = new int[df.length][];
        postingWeights = new float[df.length][];
        invert(df);
    }

    private void weigh(int d, Map<Integer, Integer> tf, int[] df, int n) {
        docTerms[d] = new int[tf.size()];
        docWeights[d] = new float[tf.size()];
        double sumOfSquares = 0;
        int i = 0;
        for (Map.Entry<Integer, Integer> entry : tf.entrySet()) {
            double w = entry.getValue() * (Math.log((1.0 + n) / (1.0 + df[entry.getKey()])) + 1);
            docTerms[d][i] = entry.getKey();
            docWeights[d][i++] = (float) w;
            sumOfSquares += w * w;
        }
        for (int j = 0; j < i; j++) {
            docWeights[d][j] /= (float) Math.sqrt(sumOfSquares);
        }
    }

    private void invert(int[] df) {
        int[] filled = new int[df.length];
        for (int t = 0; t < df.length; t++) {
            postingDocs[t] = new int[df[t]];
            postingWeights[t] = new float[df[t]];
        }
        for (int d = 0; d < docTerms.length; d++) {
            for (int j = 0; j < docTerms[d].length; j++) {
                int t = docTerms[d][j];
                postingDocs[t][filled[t]] = d;
                postingWeights[t][filled[t]++] = docWeights[d][j];
            }
        }
    }

    /** The k papers most similar to paper {@code query} (not itself), every cosine computed. */
    List<ScoredDocument> related(int query, int k) {
        double[] scores = new double[docTerms.length];
        for (int j = 0; j < docTerms[query].length; j++) {
            int t = docTerms[query][j];
            for (int p = 0; p < postingDocs[t].length; p++) {
                scores[postingDocs[t][p]] += (double) docWeights[query][j] * postingWeights[t][p];
            }
        }
        RankedTopK top = new RankedTopK(k);
        for (int d = 0; d < scores.length; d++) {
            if (d != query) {
                top.offer(d, scores[d]);
            }
        }
        return top.toList();
    }
}
