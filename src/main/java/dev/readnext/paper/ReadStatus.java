package dev.readnext.paper;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.readnext.ReadnextConfig;
import dev.readnext.security.Caller;

/**
 * Read status (issue 17): which papers each reader has read (table {@code reader_read}), and whose status a request
 * sees, its viewer. A signed-in caller sees their own; an anonymous request sees the seed owner's
 * ({@code readnext.seed.owner}), the reader to whom the catalogue's reading lists and their checkboxes belong.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReadStatus {

    /**
     * SQL: the viewer (parameter {@code :viewer}, a subject) has read paper {@code p}; a subject with no reader row
     * has read nothing.
     */
    public static final String VIEWER_HAS_READ = "EXISTS (SELECT 1 FROM reader_read vrr JOIN reader vr"
            + " ON vr.id = vrr.reader_id WHERE vr.subject = :viewer AND vrr.paper_id = p.id)";

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    ReadnextConfig config;

    /** The subject of the reader whose read status this request sees: the caller, or else the seed owner. */
    public String viewer() {
        return caller.subject().orElseGet(this::seedOwnerSubject);
    }

    /** The subject of the reader who owns the catalogue's reading lists and their checkboxes. */
    public String seedOwnerSubject() {
        return config.seed().owner();
    }

    /** The papers the viewer has read. */
    public Set<Long> readByViewer() {
        return new HashSet<>(PaperService.longs(em.createNativeQuery("SELECT rr.paper_id FROM reader_read rr"
                + " JOIN reader r ON r.id = rr.reader_id WHERE r.subject = :viewer")
                .setParameter("viewer", viewer()).getResultList()));
    }

    /** The seed owner's reader id; the row is made on first use. */
    @Transactional
    public long seedOwner() {
        return readerId(seedOwnerSubject(), null);
    }

    /** The id of the reader of that subject, made on first use: an upsert, so concurrent first uses make one row. */
    @Transactional
    public long readerId(String subject, String name) {
        em.createNativeQuery("INSERT INTO reader (subject, name) VALUES (:subject, :name)"
                + " ON CONFLICT (subject) DO NOTHING")
                .setParameter("subject", subject).setParameter("name", name).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT id FROM reader WHERE subject = :subject")
                .setParameter("subject", subject).getSingleResult()).longValue();
    }

    /** Which of the papers the reader has read. */
    public Set<Long> readAmong(long readerId, Collection<Long> paperIds) {
        return paperIds.isEmpty() ? Set.of() : new HashSet<>(PaperService.longs(em.createNativeQuery(
                "SELECT paper_id FROM reader_read WHERE reader_id = :reader AND paper_id = ANY(CAST(:papers AS bigint[]))")
                .setParameter("reader", readerId).setParameter("papers", paperIds.toArray(Long[]::new))
                .getResultList()));
    }

    /** Marks the papers read for the reader (keeping when each was first read), or unread. */
    @Transactional
    public void mark(long readerId, Collection<Long> paperIds, boolean read) {
        if (paperIds.isEmpty()) {
            return;
        }
        String sql = read
                ? "INSERT INTO reader_read (reader_id, paper_id) SELECT :reader, unnest(CAST(:papers AS bigint[]))"
                        + " ORDER BY 2 ON CONFLICT DO NOTHING"
                : "DELETE FROM reader_read WHERE reader_id = :reader AND paper_id = ANY(CAST(:papers AS bigint[]))";
        em.createNativeQuery(sql).setParameter("reader", readerId)
                .setParameter("papers", paperIds.toArray(Long[]::new)).executeUpdate();
    }
}
