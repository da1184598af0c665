package dev.readnext.text;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;

/**
 * The one Lucene analysis chain of readnext, used for the recommendation index, its queries and search:
 * <ol>
 *   <li>{@link TextNormalizer} (NFKC, hyphen variants, "×", soft hyphens) on the whole field;</li>
 *   <li>{@link TechnicalTokenizer}: letter/digit runs joined by inner "-", "_", ".", "'" ("gpt-oss", "llm.int8");</li>
 *   <li>{@link CompoundPartsFilter}: hyphen/underscore compounds are replaced by their parts;</li>
 *   <li>{@link EnglishPossessiveFilter}: "model's" → "model";</li>
 *   <li>{@link SurfaceCaptureFilter}: remembers the readable form ("RoPE", "embeddings");</li>
 *   <li>lower-casing, then {@link StopWords#english()};</li>
 *   <li>Porter stemming, except for names and numbers ({@link NameOrNumberMarkerFilter}: "int8", "fp4", "8x7b",
 *       "llm.int8", "3.5").</li>
 * </ol>
 * Like every Lucene {@link Analyzer}, one instance serves any number of threads (components are reused per thread).
 */
public final class ReadnextAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        TechnicalTokenizer tokenizer = new TechnicalTokenizer();
        TokenStream stream = new CompoundPartsFilter(tokenizer);
        stream = new EnglishPossessiveFilter(stream);
        stream = new SurfaceCaptureFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, StopWords.english());
        stream = new NameOrNumberMarkerFilter(stream);
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
