package dev.readnext.text;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Copies the current term into {@link SurfaceFormAttribute} so later filters may lower-case and stem it. */
final class SurfaceCaptureFilter extends TokenFilter {

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final SurfaceFormAttribute surfaceAtt = addAttribute(SurfaceFormAttribute.class);

    SurfaceCaptureFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        surfaceAtt.setSurface(termAtt.buffer(), termAtt.length());
        return true;
    }
}
