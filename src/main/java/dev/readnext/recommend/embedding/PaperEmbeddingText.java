package dev.readnext.recommend.embedding;

import java.util.StringJoiner;

/**
 * The text of a paper that is embedded: title (with its other names), TL;DR and abstract, cut at a word boundary after
 * {@value #MAX_CHARS} characters. The model reads the first 256 word pieces (about 1,100 characters of English,
 * {@link MiniLmEmbedder}); the cut only spares the tokenizer the rest of a long text.
 */
public final class PaperEmbeddingText {

    static final int MAX_CHARS = 1500;

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
