package dev.readnext.recommend.engine;

import java.util.Arrays;

/**
 * The documents and postings of one weighting generation. All weight vectors of a generation use the same
 * term weights g, frozen when the generation was built from the then live documents:
 * <pre>
 *   g(t)     = √(ln((1 + n_g) / (1 + df_g(t))) + 1)   if df_g(t) ≥ 2, else 0    n_g, df_g: live counts at build time
 *   w(d, t)  = (1 + ln tf(d, t)) · g(t) / ‖d‖          ‖d‖ = sqrt(Σ_t ((1 + ln tf(d, t)) · g(t))²)
 * </pre>
 * (df_g = 0 for terms first seen since), or, when the generation is weighed with shared {@link TermStatistics}, the n
 * and df those give (terms included). Documents upserted later are weighted with that same table, so every stored
 * vector is exactly the formula above for the generation's (n_g, df_g), and cosine = dot product of stored vectors.
 * Terms of weight 0 have no postings and are left out of stored vectors.
 * Not thread-safe: {@link TfIdfIndex} serialises writers and excludes readers while mutating.
 */
final class IndexGeneration {

    final int number;
    final int documentsAtBuild;
    final DocumentStore docs;
    final PostingLists postings;
    /** The shared statistics this generation is weighted with; null: the live counts at build time. */
    final TermStatistics statistics;
    private float[] termWeights;
    private int changesSinceBuild;

    private IndexGeneration(int number, int documentsAtBuild, float[] termWeights, DocumentStore docs,
                            PostingLists postings, TermStatistics statistics) {
        this.number = number;
        this.documentsAtBuild = documentsAtBuild;
        this.termWeights = termWeights;
        this.docs = docs;
        this.postings = postings;
        this.statistics = statistics;
    }

    /**
     * g(t), the factor of a term in every document vector. The square root of the smoothed idf: a cosine multiplies
     * the two documents' weights, so each shared term counts with its idf once, as it does when a query is scored
     * against documents (BM25, MoreLikeThis), rather than with idf², which let a single rare shared word outweigh the
     * common vocabulary of a subject. 0 below two documents: such a term can match no other document, and would only
     * lengthen its document's vector, lowering all its cosines unevenly.
     */
    static float termWeight(int documents, int documentFrequency) {
        if (documentFrequency < 2) {
            return 0f;
        }
        return (float) Math.sqrt(Math.log((1.0 + documents) / (1.0 + documentFrequency)) + 1.0);
    }

    /** The one definition of a stored weight, used for postings and for forward-index look-ups alike. */
    static float weight(float logTf, float termWeight, float inverseNorm) {
        return logTf * termWeight * inverseNorm;
    }

    /**
     * Weighs every live document of {@code source} with term weights from {@code statistics}, or when null from the
     * dictionary's live document frequencies, compacting ordinals. Reads {@code source} only, so readers of the old
     * generation may run meanwhile.
     */
    static IndexGeneration weigh(int number, DocumentStore source, TermDictionary dictionary,
                                 TermStatistics statistics) {
        int n = source.liveDocuments();
        int termCount = dictionary.size();
        float[] termWeights = new float[termCount];
        int[] capacities = new int[termCount];
        for (int t = 0; t < termCount; t++) {
            termWeights[t] = statistics == null ? termWeight(n, dictionary.liveDf(t))
                    : statistics.termWeight(dictionary.term(t));
            capacities[t] = termWeights[t] == 0f ? 0 : dictionary.liveDf(t);
        }
        IndexGeneration generation = new IndexGeneration(number, n, termWeights, new DocumentStore(n),
                new PostingLists(capacities), statistics);
        for (int d = 0; d < source.ordinalBound(); d++) {
            if (source.isLive(d)) {
                int ordinal = generation.docs.append(source.id(d), source.terms(d), source.logTf(d),
                        generation.inverseNorm(source.terms(d), source.logTf(d)));
                generation.forEachWeight(ordinal, generation.postings::append);
            }
        }
        generation.postings.splitIntoTiers();
        return generation;
    }

    /**
     * g(t) of this generation. A term first seen since it was built weighs 0 with live counts (df_g = 0), and what the
     * shared statistics say with those (see {@link #upsert}).
     */
    float termWeight(int term) {
        return term < termWeights.length ? termWeights[term] : 0f;
    }

    int changesSinceBuild() {
        return changesSinceBuild;
    }

    /** Adds or replaces the document {@code id}; keeps the dictionary's live document frequencies in step. */
    void upsert(long id, TermFrequencies doc, TermDictionary dictionary) {
        if (statistics != null && dictionary.size() > termWeights.length) {
            // terms new to this replica: the shared statistics may know them from another replica's documents
            int known = termWeights.length;
            termWeights = Arrays.copyOf(termWeights, dictionary.size());
            for (int t = known; t < termWeights.length; t++) {
                termWeights[t] = statistics.termWeight(dictionary.term(t));
            }
        }
        float inverseNorm = inverseNorm(doc.terms(), doc.logTf());
        int ordinal = docs.ordinalOf(id);
        if (ordinal < 0) {
            ordinal = docs.append(id, doc.terms(), doc.logTf(), inverseNorm);
        } else {
            dictionary.removeDocument(docs.terms(ordinal));
            forEachWeight(ordinal, postings::remove);
            docs.replace(ordinal, doc.terms(), doc.logTf(), inverseNorm);
        }
        forEachWeight(ordinal, postings::insert);
        dictionary.addDocument(doc.terms());
        changesSinceBuild++;
    }

    /** Removes the document {@code id}; false if absent. */
    boolean remove(long id, TermDictionary dictionary) {
        int ordinal = docs.ordinalOf(id);
        if (ordinal < 0) {
            return false;
        }
        dictionary.removeDocument(docs.terms(ordinal));
        forEachWeight(ordinal, postings::remove);
        docs.remove(ordinal);
        changesSinceBuild++;
        return true;
    }

    /** The stored weight vector of a live document, terms ascending, without its terms of weight 0. */
    QueryVector vector(int ordinal) {
        int[] terms = new int[docs.terms(ordinal).length];
        float[] weights = new float[terms.length];
        int[] size = {0};
        forEachWeight(ordinal, (term, doc, weight) -> {
            terms[size[0]] = term;
            weights[size[0]++] = weight;
        });
        return new QueryVector(Arrays.copyOf(terms, size[0]), Arrays.copyOf(weights, size[0]));
    }

    /** The normalised weight vector of terms not stored as a document, such as a query's, without terms of weight 0. */
    QueryVector weigh(TermFrequencies terms) {
        float inverseNorm = inverseNorm(terms.terms(), terms.logTf());
        int[] kept = new int[terms.terms().length];
        float[] weights = new float[kept.length];
        int size = 0;
        for (int j = 0; j < kept.length; j++) {
            float weight = weight(terms.logTf()[j], termWeight(terms.terms()[j]), inverseNorm);
            if (weight != 0f) {
                kept[size] = terms.terms()[j];
                weights[size++] = weight;
            }
        }
        return new QueryVector(Arrays.copyOf(kept, size), Arrays.copyOf(weights, size));
    }

    /** Cosine of the live document with the query (see {@link DenseQuery#score}). */
    double score(int ordinal, DenseQuery query) {
        return query.score(docs.terms(ordinal), docs.logTf(ordinal), docs.inverseNorm(ordinal));
    }

    /** 1 / ‖d‖, the same whatever the order of the terms ({@link OrderFreeSum}). */
    private float inverseNorm(int[] terms, float[] logTf) {
        long squares = 0;
        for (int j = 0; j < terms.length; j++) {
            squares += OrderFreeSum.square((double) logTf[j] * termWeight(terms[j]));
        }
        return squares == 0 ? 0f : (float) (1.0 / Math.sqrt(OrderFreeSum.squareValue(squares)));
    }

    /** The document's non-zero weights, terms ascending. */
    private void forEachWeight(int ordinal, PostingConsumer consumer) {
        int[] terms = docs.terms(ordinal);
        float[] logTf = docs.logTf(ordinal);
        float inverseNorm = docs.inverseNorm(ordinal);
        for (int j = 0; j < terms.length; j++) {
            float weight = weight(logTf[j], termWeight(terms[j]), inverseNorm);
            if (weight != 0f) {
                consumer.accept(terms[j], ordinal, weight);
            }
        }
    }

    @FunctionalInterface
    private interface PostingConsumer {
        void accept(int term, int ordinal, float weight);
    }
}
