package dev.readnext.recommend.engine;

/**
 * Size of a {@link TfIdfIndex}, for metrics.
 *
 * @param documents           live documents
 * @param terms               distinct terms ever seen (term ids are never reused)
 * @param postings            entries in the inverted index (= sum of document lengths in distinct terms)
 * @param approximateBytes    estimated heap used by the index: inverted and forward arrays, id map, term
 *                            dictionary (compressed oops, 16-byte array headers)
 * @param generation          number of full (re)weightings so far, 1 after the first build
 * @param changesSinceRebuild upserts and removals since the current generation was built
 */
public record IndexStats(int documents, int terms, long postings, long approximateBytes,
                         int generation, int changesSinceRebuild) {

    public double bytesPerPosting() {
        return postings == 0 ? 0 : (double) approximateBytes / postings;
    }
}
