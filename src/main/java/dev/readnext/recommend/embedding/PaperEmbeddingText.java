package dev.readnext.recommend.embedding;

import java.util.StringJoiner;

/**
 * The text of a paper that is embedded: title (with its other names), TL;DR and abstract, cut at a word boundary after
 * {@value #MAX_CHARS} characters. all-MiniLM-L6-v2 was trained on 128 word pieces and sentence-transformers cuts its
 * input at 256 (about 1,000 characters of English); longer input would cost quadratically more and add little.
 */
public final class PaperEmbeddingText {

    static final int MAX_CHARS = 1000;

    private PaperEmbeddingText() {
    }

    public static String of(String title, String tldr, String abstractText) {
        StringJoiner text = new StringJoiner(". ");
        for (String part : new String[] { title, tldr, abstractText }) {
            if (part != null && !part.isBlank()) {
                text.add(part.strip());
            }
        }
        return cut(text.toString());
    }

    public static String cut(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = text.lastIndexOf(' ', MAX_CHARS);
        return text.substring(0, end > MAX_CHARS / 2 ? end : MAX_CHARS);
    }
}
