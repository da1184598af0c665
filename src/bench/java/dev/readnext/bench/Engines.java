package dev.readnext.bench;

import dev.readnext.recommend.engine.IndexSettings;
import dev.readnext.recommend.engine.TfIdfIndex;

/** Builds each engine over the benchmark corpus. */
final class Engines {

    /** The service's default {@code readnext.similarity.semantic-weight}. */
    static final double SEMANTIC_WEIGHT = 0.5;

    private Engines() {
    }

    /**
     * Without neighbour lists: these benchmarks measure the live search, and a background build of the lists would
     * compete with the measurement for the cores ({@link NeighbourListsBenchmark} measures the lists).
     */
    static TfIdfIndex ours(BenchCorpus corpus) {
        return TfIdfIndex.build(corpus.documents().stream(), IndexSettings.DEFAULT.withNeighbours(0, 0));
    }

    static LuceneMoreLikeThis moreLikeThis(BenchCorpus corpus) {
        return new LuceneMoreLikeThis(corpus.documents());
    }

    /** The brute-force reference reads the stored vectors of our index (built here and dropped). */
    static BruteForceCosine bruteForce(BenchCorpus corpus) {
        return new BruteForceCosine(ours(corpus), corpus.papers().size());
    }
}
