package dev.readnext.recommend.engine;

/**
 * A document reduced to its distinct terms with boosted term frequencies (see {@link FieldBoosts})
 * and, per term, the surface form it was first written with (abstract first, then TL;DR, then title,
 * so prose casing wins over title casing).
 */
record AnalyzedDocument(long id, String[] terms, float[] boostedTf, String[] surfaces) {
}
