package dev.readnext.reader;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import dev.readnext.api.ApiException;
import dev.readnext.api.Paging;
import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperConnection;
import dev.readnext.paper.PaperService;
import dev.readnext.paper.ReadStatus;
import dev.readnext.security.Caller;

/**
 * The caller as a reader, and their read status. The caller is whoever the verified bearer token names by its
 * {@code sub} claim (any token the service accepts: no role needed); anonymous requests, and tokens without a
 * {@code sub}, have no reader. Every method answers about the caller only, so no reader's state reaches another.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Readers {

    @Inject
    Caller caller;

    @Inject
    ReadStatus readStatus;

    @Inject
    EntityManager em;

    @Inject
    PaperService papers;

    /** The caller's reader row, created on first use: an upsert, so concurrent first requests make one row. */
    @Transactional
    public Optional<Reader> signedIn() {
        return caller.claims().map(claims -> find(claims.subject()).orElseGet(() -> create(claims)));
    }

    /** The caller's reader row if it exists already; never writes. */
    public Optional<Reader> existing() {
        return caller.subject().flatMap(this::find);
    }

    /** The caller as a reader, or UNAUTHENTICATED for {@code operation} (which needs one). */
    @Transactional
    public Reader required(String operation) {
        return signedIn().orElseThrow(() -> ApiException.unauthenticated(operation
                + " needs a valid bearer token that names the reader (its sub claim)"));
    }

    /**
     * Whether the caller has read each paper, aligned with the papers: null for every paper when anonymous. One
     * query however many papers.
     */
    public List<Boolean> readByCaller(List<Paper> page) {
        Optional<String> subject = caller.subject();
        if (subject.isEmpty()) {
            return Collections.nCopies(page.size(), null);
        }
        Set<Long> read = page.isEmpty() ? Set.of() : new HashSet<>(PaperService.longs(em.createNativeQuery(
                "SELECT rr.paper_id FROM reader_read rr JOIN reader r ON r.id = rr.reader_id"
                        + " WHERE r.subject = :subject AND rr.paper_id IN (:ids)")
                .setParameter("subject", subject.get())
                .setParameter("ids", PaperService.ids(page)).getResultList()));
        return page.stream().map(p -> read.contains(p.id)).toList();
    }

    /** Marks the paper read (keeping the first time it was read) or unread, for this reader. */
    public void mark(Reader reader, long paperId, boolean read) {
        readStatus.mark(reader.id, List.of(paperId), read);
    }

    /**
     * A page of the papers the reader has read, most recently read first (then higher id first). The cursor is a
     * paper's; a cursor whose paper is no longer read is BAD_USER_INPUT.
     */
    public PaperConnection reads(Reader reader, Integer first, String after) {
        int size = Paging.pageSize(first, Paging.DEFAULT_PAGE_SIZE, Paging.MAX_PAGE_SIZE);
        long afterId = Paging.afterId(after);
        Object[] counts = (Object[]) em.createNativeQuery("SELECT count(*), count(*) FILTER (WHERE paper_id = :after)"
                + " FROM reader_read WHERE reader_id = :reader")
                .setParameter("reader", reader.id).setParameter("after", afterId).getSingleResult();
        if (afterId != 0 && ((Number) counts[1]).longValue() == 0) {
            throw ApiException.badInput("after", "after names a paper that is no longer read; start from the first"
                    + " page again");
        }
        // keyset: after the cursor paper's (read_at, paper_id), which exists (the count above showed it)
        Query query = em.createNativeQuery("SELECT rr.paper_id FROM reader_read rr WHERE rr.reader_id = :reader"
                + " AND (:after = 0 OR (rr.read_at, rr.paper_id) < (SELECT c.read_at, c.paper_id FROM reader_read c"
                + " WHERE c.reader_id = :reader AND c.paper_id = :after))"
                + " ORDER BY rr.read_at DESC, rr.paper_id DESC LIMIT :limit");
        List<Long> ids = PaperService.longs(query.setParameter("reader", reader.id).setParameter("after", afterId)
                .setParameter("limit", size + 1).getResultList());
        // a paper deleted meanwhile is left out
        List<Paper> page = papers.papersFor(ids, id -> id).stream().filter(Objects::nonNull).toList();
        return PaperConnection.forward(page, size, (int) ((Number) counts[0]).longValue(), afterId != 0);
    }

    private Optional<Reader> find(String subject) {
        return Reader.find("subject", subject).firstResultOptional();
    }

    private Reader create(Caller.Claims claims) {
        return Reader.findById(readStatus.readerId(claims.subject(), claims.name()));
    }
}
