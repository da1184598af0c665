/**
 * Text: the analysis pipeline shared by indexing, querying and search ({@link dev.readnext.text.TextAnalyzer}:
 * NFKC, hyphen folding, technical tokens, stop words, stemming, built from Lucene's analysis components), and
 * the utilities that recognise the same paper under different spellings: {@link dev.readnext.text.TitleKey}
 * (how "RoPE" and a title are matched), {@link dev.readnext.text.ArxivIds}, {@link dev.readnext.text.Urls},
 * {@link dev.readnext.text.TextRepair} (mojibake), {@link dev.readnext.text.Slugs}. Plain Java, no framework,
 * no feature.
 */
package dev.readnext.text;
