package dev.readnext.text;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * After a compound joined by "-" or "_" ("gpt-oss", "vision-language", "state-of-the-art"), also emits its
 * parts ("gpt", "oss"). The whole compound is a precise feature for a technical name; the parts let the
 * compound match texts that write it apart ("vision language model") or mention only a part ("GPT").
 * Parts go through the rest of the chain like any token (stop words such as "of" are then dropped).
 * Dots are not split: "3.5", "LLM.int8" and "2504.13161" are names or numbers, not compounds.
 */
final class CompoundPartsFilter extends TokenFilter {

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final Deque<String> pendingParts = new ArrayDeque<>();
    private State compoundState;

    CompoundPartsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pendingParts.isEmpty()) {
            restoreState(compoundState);
            termAtt.setEmpty().append(pendingParts.poll());
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        queueParts();
        return true;
    }

    private void queueParts() {
        int start = 0;
        for (int i = 0; i <= termAtt.length(); i++) {
            if (i == termAtt.length() || termAtt.charAt(i) == '-' || termAtt.charAt(i) == '_') {
                if (start > 0 || i < termAtt.length()) {
                    pendingParts.add(new String(termAtt.buffer(), start, i - start));
                }
                start = i + 1;
            }
        }
        if (!pendingParts.isEmpty()) {
            compoundState = captureState();
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pendingParts.clear();
        compoundState = null;
    }
}
