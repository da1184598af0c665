package dev.readnext.bench;

import dev.readnext.recommend.engine.DocumentText;
import dev.readnext.text.ReadnextAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * What a user would take instead: Lucene {@link MoreLikeThis} over an in-memory index (ByteBuffersDirectory, one
 * segment, BM25) of title and abstract, analysed by our own {@link ReadnextAnalyzer}. Both fields keep term vectors,
 * so building the "like this document" query reads the stored vector instead of re-analysing the text (the fair
 * counterpart of our forward index). Parameters for short texts:
 * <ul>
 *   <li>minTermFreq 1: in a title or an abstract most terms occur once; the default 2 would leave few or none;</li>
 *   <li>minDocFreq 2: a term no other paper has cannot find a related paper (as in the design's anchor);</li>
 *   <li>maxQueryTerms 25: MoreLikeThis' default and the anchor's; the query keeps the 25 best terms by tf·idf;</li>
 *   <li>boost on: each query term is weighted by its tf·idf score, so the query resembles a weighted vector.</li>
 * </ul>
 * Lucene doc ids equal corpus positions: one writer thread, documents added in order, order-keeping merges.
 */
final class LuceneMoreLikeThis {

    private static final String[] FIELDS = {"title", "abstract"};

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexSearcher searcher;
    private final MoreLikeThis moreLikeThis;

    LuceneMoreLikeThis(List<DocumentText> papers) {
        ReadnextAnalyzer analyzer = new ReadnextAnalyzer();
        FieldType withVectors = new FieldType(TextField.TYPE_NOT_STORED);
        withVectors.setStoreTermVectors(true);
        withVectors.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        withVectors.freeze();
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setMergePolicy(new LogDocMergePolicy())
                .setRAMBufferSizeMB(256);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (DocumentText paper : papers) {
                Document doc = new Document();
                doc.add(new StoredField("id", paper.id()));
                doc.add(new Field("title", paper.title(), withVectors));
                doc.add(new Field("abstract", paper.abstractText(), withVectors));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            searcher = new IndexSearcher(DirectoryReader.open(directory));
            moreLikeThis = new MoreLikeThis(searcher.getIndexReader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        moreLikeThis.setAnalyzer(analyzer);
        moreLikeThis.setFieldNames(FIELDS);
        moreLikeThis.setMinTermFreq(1);
        moreLikeThis.setMinDocFreq(2);
        moreLikeThis.setMaxQueryTerms(25);
        moreLikeThis.setBoost(true);
    }

    /** Top k papers like paper {@code doc}, itself excluded; ids in {@code ids}, returns the count. */
    int related(int doc, int k, long[] ids) {
        try {
            Query query = moreLikeThis.like(doc);
            TopDocs top = searcher.search(query, k + 1);
            int size = 0;
            for (ScoreDoc hit : top.scoreDocs) {
                if (hit.doc != doc && size < k) {
                    ids[size++] = hit.doc;
                }
            }
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless Lucene doc ids are corpus positions (checked on the last document). */
    void checkDocIdsAreCorpusPositions() {
        try {
            int last = searcher.getIndexReader().maxDoc() - 1;
            long id = searcher.storedFields().document(last).getField("id").numericValue().longValue();
            if (id != last) {
                throw new IllegalStateException("Lucene doc " + last + " holds paper " + id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
