package dev.readnext.recommend.engine;

/**
 * The documents and postings of one weighting generation. All weight vectors of a generation use the same
 * idf table, frozen when the generation was built from the then live documents:
 * <pre>
 *   idf(t)   = ln((1 + n_g) / (1 + df_g(t))) + 1      n_g, df_g: live counts at build time (df_g = 0 for newer terms)
 *   w(d, t)  = (1 + ln tf(d, t)) · idf(t) / ‖d‖        ‖d‖ = sqrt(Σ_t ((1 + ln tf(d, t)) · idf(t))²)
 * </pre>
 * Documents upserted later are weighted with that same table, so every stored vector is exactly the formula
 * above for the generation's (n_g, df_g), and cosine = dot product of stored vectors.
 * Not thread-safe: {@link TfIdfIndex} serialises writers and excludes readers while mutating.
 */
final class IndexGeneration {

    final int number;
    final int documentsAtBuild;
    final DocumentStore docs;
    final PostingLists postings;
    private final float[] idf;
    private final float unseenIdf;
    private int changesSinceBuild;

    private IndexGeneration(int number, int documentsAtBuild, float[] idf, DocumentStore docs, PostingLists postings) {
        this.number = number;
        this.documentsAtBuild = documentsAtBuild;
        this.idf = idf;
        this.unseenIdf = smoothedIdf(documentsAtBuild, 0);
        this.docs = docs;
        this.postings = postings;
    }

    static float smoothedIdf(int documents, int documentFrequency) {
        return (float) (Math.log((1.0 + documents) / (1.0 + documentFrequency)) + 1.0);
    }

    /** The one definition of a stored weight, used for postings and for forward-index look-ups alike. */
    static float weight(float logTf, float idf, float inverseNorm) {
        return logTf * idf * inverseNorm;
    }

    /**
     * Weighs every live document of {@code source} with idf from the dictionary's live document frequencies,
     * compacting ordinals. Reads {@code source} only, so readers of the old generation may run meanwhile.
     */
    static IndexGeneration weigh(int number, DocumentStore source, TermDictionary dictionary) {
        int n = source.liveDocuments();
        int termCount = dictionary.size();
        float[] idf = new float[termCount];
        int[] capacities = new int[termCount];
        for (int t = 0; t < termCount; t++) {
            idf[t] = smoothedIdf(n, dictionary.liveDf(t));
            capacities[t] = dictionary.liveDf(t);
        }
        IndexGeneration generation = new IndexGeneration(number, n, idf, new DocumentStore(n), new PostingLists(capacities));
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

    float idf(int term) {
        return term < idf.length ? idf[term] : unseenIdf;
    }

    int changesSinceBuild() {
        return changesSinceBuild;
    }

    /** Adds or replaces the document {@code id}; keeps the dictionary's live document frequencies in step. */
    void upsert(long id, TermFrequencies doc, TermDictionary dictionary) {
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

    /** The stored weight vector of a live document, terms ascending. */
    QueryVector vector(int ordinal) {
        int[] terms = docs.terms(ordinal);
        float[] logTf = docs.logTf(ordinal);
        float inverseNorm = docs.inverseNorm(ordinal);
        float[] weights = new float[terms.length];
        for (int j = 0; j < terms.length; j++) {
            weights[j] = weight(logTf[j], idf(terms[j]), inverseNorm);
        }
        return new QueryVector(terms.clone(), weights);
    }

    /** The normalised weight vector of terms not stored as a document, such as a query's. */
    QueryVector weigh(TermFrequencies terms) {
        float inverseNorm = inverseNorm(terms.terms(), terms.logTf());
        float[] weights = new float[terms.terms().length];
        for (int j = 0; j < weights.length; j++) {
            weights[j] = weight(terms.logTf()[j], idf(terms.terms()[j]), inverseNorm);
        }
        return new QueryVector(terms.terms(), weights);
    }

    /** Cosine of the live document with the query (see {@link DenseQuery#score}). */
    double score(int ordinal, DenseQuery query) {
        return query.score(docs.terms(ordinal), docs.logTf(ordinal), docs.inverseNorm(ordinal));
    }

    private float inverseNorm(int[] terms, float[] logTf) {
        double sumOfSquares = 0;
        for (int j = 0; j < terms.length; j++) {
            double x = (double) logTf[j] * idf(terms[j]);
            sumOfSquares += x * x;
        }
        return sumOfSquares == 0 ? 0f : (float) (1.0 / Math.sqrt(sumOfSquares));
    }

    private void forEachWeight(int ordinal, PostingConsumer consumer) {
        int[] terms = docs.terms(ordinal);
        float[] logTf = docs.logTf(ordinal);
        float inverseNorm = docs.inverseNorm(ordinal);
        for (int j = 0; j < terms.length; j++) {
            consumer.accept(terms[j], ordinal, weight(logTf[j], idf(terms[j]), inverseNorm));
        }
    }

    @FunctionalInterface
    private interface PostingConsumer {
        void accept(int term, int ordinal, float weight);
    }
}
