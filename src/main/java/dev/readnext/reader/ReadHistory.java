package dev.readnext.reader;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.readnext.api.Paging;
import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperService;

/**
 * What a reader has read, with the dates: the reader's most recent reads, most recently read first (then higher paper
 * id first, as {@link Readers#reads}), for the web page's "My library". One query for the reads, one for the papers.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReadHistory {

    static final int DEFAULT_FIRST = 20;

    @Inject
    EntityManager em;

    @Inject
    PaperService papers;

    /**
     * The reader's {@code first} (0 to 100, else BAD_USER_INPUT) most recent reads; a paper deleted meanwhile is left
     * out.
     */
    public List<ReadRecord> of(Reader reader, Integer first) {
        int size = Paging.pageSize(first, DEFAULT_FIRST, Paging.MAX_PAGE_SIZE);
        List<?> rows = em.createNativeQuery("SELECT paper_id, read_at FROM reader_read WHERE reader_id = :reader"
                + " ORDER BY read_at DESC, paper_id DESC LIMIT :limit")
                .setParameter("reader", reader.id).setParameter("limit", size).getResultList();
        List<Object[]> reads = rows.stream().map(row -> (Object[]) row).toList();
        List<Paper> found = papers.papersFor(reads, row -> ((Number) row[0]).longValue());
        return IntStream.range(0, reads.size()).filter(i -> found.get(i) != null)
                .mapToObj(i -> new ReadRecord(found.get(i), instant(reads.get(i)[1]))).toList();
    }

    /** read_at as the driver returns a timestamptz to a native query. */
    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("read_at as " + value.getClass());
    }
}
