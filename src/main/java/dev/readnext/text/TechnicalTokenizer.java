package dev.readnext.text;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits text into runs of letters and digits, keeping technical names whole: a single connector
 * ({@code - _ . ' ’}) between two letters or digits joins its neighbours, so "gpt-oss", "LLM.int8",
 * "Llama-3.1-8B", "8x7B" and "model's" are each one token, while trailing punctuation ("e.g.", "(NeRF)")
 * is dropped. Splitting compounds into their parts is left to {@link CompoundPartsFilter}.
 * Tokens longer than {@value #MAX_TOKEN_LENGTH} chars (base64, hashes) are skipped.
 */
final class TechnicalTokenizer extends Tokenizer {

    static final int MAX_TOKEN_LENGTH = 64;

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final StringBuilder text = new StringBuilder();
    private int cursor;
    private int finalOffset;

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        while (cursor < text.length()) {
            int start = skipToWordChar(cursor);
            if (start == text.length()) {
                cursor = start;
                break;
            }
            int end = endOfToken(start);
            cursor = end;
            if (end - start <= MAX_TOKEN_LENGTH) {
                termAtt.setEmpty().append(text, start, end);
                offsetAtt.setOffset(correctOffset(start), correctOffset(end));
                return true;
            }
        }
        return false;
    }

    private int skipToWordChar(int from) {
        int i = from;
        while (i < text.length() && !isWordChar(i)) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    private int endOfToken(int start) {
        int i = start;
        while (i < text.length()) {
            if (isWordChar(i)) {
                i += Character.charCount(text.codePointAt(i));
            } else if (isConnector(text.charAt(i)) && i + 1 < text.length() && isWordChar(i + 1)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private boolean isWordChar(int i) {
        return Character.isLetterOrDigit(text.codePointAt(i));
    }

    private static boolean isConnector(char c) {
        return c == '-' || c == '_' || c == '.' || c == '\'' || c == '\u2019';
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        text.setLength(0);
        char[] buffer = new char[1024];
        for (int read = input.read(buffer); read != -1; read = input.read(buffer)) {
            text.append(buffer, 0, read);
        }
        cursor = 0;
        finalOffset = correctOffset(text.length());
    }

    @Override
    public void end() throws IOException {
        super.end();
        offsetAtt.setOffset(finalOffset, finalOffset);
    }
}
