/**
 * Sentence embeddings of papers beside TF-IDF: the model ({@code MiniLmEmbedder}) and the text it embeds
 * ({@code PaperEmbeddingText}); {@code EmbeddingWorker} embeds papers in the background on one replica at a time and
 * stores them in {@code paper_embedding} ({@code EmbeddingStore}); {@code EmbeddingSync} keeps every replica's
 * semantic index in step with that table; {@code PaperEmbeddings} is what ranking uses.
 */
package dev.readnext.recommend.embedding;
