package dev.readnext.text;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PatternKeywordMarkerFilter;

/**
 * The one Lucene analysis chain of readnext, used for the recommendation index, its queries and search:
 * <ol>
 *   <li>{@link TextNormalizer} (NFKC, hyphen variants, "×", soft hyphens) on the whole field;</li>
 *   <li>{@link TechnicalTokenizer}: letter/digit runs joined by inner "-", "_", ".", "'" ("gpt-oss", "llm.int8");</li>
 *   <li>{@link CompoundPartsFilter}: hyphen/underscore compounds also yield their parts;</li>
 *   <li>{@link EnglishPossessiveFilter}: "model's" → "model";</li>
 *   <li>{@link SurfaceCaptureFilter}: remembers the readable form ("RoPE", "embeddings");</li>
 *   <li>lower-casing, then {@link StopWords#english()};</li>
 *   <li>Porter stemming, except for tokens with a digit or a dot ("int8", "fp4", "8x7b", "llm.int8", "3.5"),
 *       which are names or numbers whose endings carry no inflection.</li>
 * </ol>
 * Like every Lucene {@link Analyzer}, one instance serves any number of threads (components are reused per thread).
 */
public final class ReadnextAnalyzer extends Analyzer {

    private static final Pattern NAME_OR_NUMBER = Pattern.compile(".*[\\p{Nd}.].*");

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        TechnicalTokenizer tokenizer = new TechnicalTokenizer();
        TokenStream stream = new CompoundPartsFilter(tokenizer);
        stream = new EnglishPossessiveFilter(stream);
        stream = new SurfaceCaptureFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, StopWords.english());
        stream = new PatternKeywordMarkerFilter(stream, NAME_OR_NUMBER);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new StringReader(TextNormalizer.normalize(readFully(reader)));
    }

    private static String readFully(Reader reader) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[1024];
        try {
            for (int read = reader.read(buffer); read != -1; read = reader.read(buffer)) {
                text.append(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
