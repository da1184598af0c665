/**
 * The Quarkus side of recommendations: {@link dev.readnext.recommend.Recommender} blends the engine's text
 * similarity with the structure of the lists (course and path order, topics) and read status into ranked
 * {@link dev.readnext.recommend.Recommendation}s that say why; {@code RecommendationIndex} holds the engine's
 * index, {@code IndexSync} builds it at start and follows the change log (LISTEN/NOTIFY) on every replica;
 * {@code StructureSignals} holds the structure in memory, kept current by the same log; {@code RecommendGraphQL}
 * maps the API.
 * Depends on {@code paper}, {@code api} and {@code recommend.engine}; no feature depends on it.
 */
package dev.readnext.recommend;
