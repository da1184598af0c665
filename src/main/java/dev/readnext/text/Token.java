package dev.readnext.text;

/**
 * One analysed token.
 *
 * @param term    the indexed form: normalised, lower-cased, stemmed ("rotari", "embed", "gpt-oss", "int8")
 * @param surface the form as written, after normalisation ("rotary", "embeddings", "GPT-OSS", "INT8")
 */
public record Token(String term, String surface) {
}
