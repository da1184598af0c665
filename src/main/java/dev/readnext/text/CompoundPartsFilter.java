package dev.readnext.text;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Replaces a compound joined by "-" or "_" ("gpt-oss", "vision-language", "state-of-the-art") by its parts ("gpt",
 * "oss"), so it matches texts that write it apart ("vision language model") or mention only a part ("GPT"), and
 * weighs as much as the same words written apart. Indexing the whole compound beside its parts counted the same words
 * twice, and most such compounds occur in one paper only: measured on the arXiv corpus, leaving them out raised
 * precision@10 (README, Recommendations). Parts go through the rest of the chain like any token (stop words such as
 * "of" are then dropped). Dots are not split: "3.5", "LLM.int8" and "2504.13161" are names or numbers, not compounds.
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
        if (pendingParts.isEmpty()) {
            if (!input.incrementToken()) {
                return false;
            }
            queueParts();
            if (pendingParts.isEmpty()) {
                return true;
            }
        }
        restoreState(compoundState);
        termAtt.setEmpty().append(pendingParts.poll());
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
