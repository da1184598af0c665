/**
 * The recommendation engine: an in-memory TF-IDF index of papers with exact top-k cosine queries, Rocchio
 * queries and explanations. Plain Java (the JDK, Lucene's analysis through {@code dev.readnext.text}); no
 * framework type appears here, which {@code ArchitectureTest} checks, so the engine is unit-tested and
 * benchmarked alone. The public API is {@link dev.readnext.recommend.engine.TfIdfIndex} with its value types
 * ({@link dev.readnext.recommend.engine.DocumentText}, {@link dev.readnext.recommend.engine.QueryVector},
 * {@link dev.readnext.recommend.engine.ScoredDocument}, {@link dev.readnext.recommend.engine.SharedTerm},
 * {@link dev.readnext.recommend.engine.IndexSettings}, {@link dev.readnext.recommend.engine.IndexStats});
 * everything else is package-private.
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li><b>Exact</b>: every top-k query returns exactly the brute-force top k by cosine over the current
 * generation's weight vectors of the live documents; pruning never changes a result
 * ({@code TfIdfIndexPropertyTest} compares with a brute-force reference on random corpora).</li>
 * <li><b>Ordered</b>: results are by score descending, then document id ascending, so ties never depend on scan
 * order; documents sharing no term with the query (cosine 0) are never returned.</li>
 * <li><b>Weights</b>: sublinear tf, the square root of the smoothed idf {@code ln((1+n)/(1+df))+1} (so a cosine
 * counts each shared term's idf once), 0 for terms of a single document, field boosts, L2 norm; see
 * {@link dev.readnext.recommend.engine.TfIdfIndex} and {@code TfIdfIndexWorkedExampleTest}.</li>
 * <li><b>Neighbour lists</b>: each document's list of nearest documents is a prefix of the ranking a live
 * {@code related} query would return, bit-identical scores included, through every write; a re-weighting rebuilds
 * them in the background ({@code NeighbourListsTest}).</li>
 * <li><b>Reads during updates</b>: any number of readers query concurrently with one writer; a reader sees the
 * index either before or after an upsert, removal or re-weighting, never in between (a read-write lock held
 * only while postings are edited or a new generation is swapped in).</li>
 * </ul>
 * Cheap invariants are also {@code assert}ed (enabled in the tests).
 */
package dev.readnext.recommend.engine;
