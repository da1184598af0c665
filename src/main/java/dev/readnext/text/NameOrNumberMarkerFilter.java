package dev.readnext.text;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.KeywordMarkerFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Marks tokens containing a digit or a dot ("int8", "fp4", "8x7b", "llm.int8", "3.5") as keywords so the stemmer
 * leaves them alone: they are names or numbers, and their endings carry no inflection.
 */
final class NameOrNumberMarkerFilter extends KeywordMarkerFilter {

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

    NameOrNumberMarkerFilter(TokenStream input) {
        super(input);
    }

    @Override
    protected boolean isKeyword() {
        char[] buffer = termAtt.buffer();
        for (int i = 0; i < termAtt.length(); i++) {
            if (buffer[i] == '.' || Character.isDigit(buffer[i])) {
                return true;
            }
        }
        return false;
    }
}
