package dev.readnext.reader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.readnext.api.ApiException;
import dev.readnext.paper.PaperService;
import dev.readnext.recommend.Recommendation;
import dev.readnext.recommend.FeedRanking;

/**
 * A reader's "for you" feed (issue 17): recommendations from the papers they read and saved to their own lists. The
 * profile is the reader's {@link #PROFILE} most recent reads (then their most recent saves, up to that many in all), so
 * the cost is bounded however long the history; a read weighs {@code 0.5^(rank / HALF_LIFE)} (rank 0 the most recent
 * read), a save that is not also read {@link #SAVED} (saves carry no date). Nothing the reader has read or saved is
 * ever recommended.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Feed {

    /** At most this many of the reader's papers make the profile. */
    static final int PROFILE = 50;
    /** A read's weight halves every this many more recent reads. */
    static final double HALF_LIFE = 5;
    /** The weight of a saved paper that is not read. */
    static final double SAVED = 0.5;
    static final int MAX_FIRST = 50;

    @Inject
    EntityManager em;

    @Inject
    FeedRanking ranking;

    /** The reader's feed, {@code first} (1 to 50, else BAD_USER_INPUT) entries at most; empty with no history. */
    public List<Recommendation> of(Reader reader, Integer first) {
        int size = first == null ? 10 : first;
        if (size < 1 || size > MAX_FIRST) {
            throw ApiException.badInput("first", "first must be between 1 and " + MAX_FIRST + ", was " + size);
        }
        List<Long> reads = PaperService.longs(em.createNativeQuery("SELECT paper_id FROM reader_read"
                + " WHERE reader_id = :reader ORDER BY read_at DESC, paper_id DESC LIMIT :limit")
                .setParameter("reader", reader.id).setParameter("limit", PROFILE).getResultList());
        List<Long> saves = PaperService.longs(em.createNativeQuery("SELECT e.paper_id FROM reading_list_entry e"
                + " JOIN reading_list l ON l.id = e.list_id WHERE l.owner_id = :reader"
                + " AND NOT EXISTS (SELECT 1 FROM reader_read rr WHERE rr.reader_id = :reader"
                + " AND rr.paper_id = e.paper_id)"
                + " GROUP BY e.paper_id ORDER BY max(e.id) DESC LIMIT :limit")
                .setParameter("reader", reader.id).setParameter("limit", PROFILE).getResultList());
        List<Long> profile = new ArrayList<>(reads);
        saves.stream().limit(PROFILE - reads.size()).forEach(profile::add);
        if (profile.isEmpty()) {
            return List.of();
        }
        double[] weights = new double[profile.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = i < reads.size() ? Math.pow(0.5, i / HALF_LIFE) : SAVED;
        }
        Set<Long> exclude = new HashSet<>(PaperService.longs(em.createNativeQuery("SELECT paper_id FROM reader_read"
                + " WHERE reader_id = :reader UNION SELECT e.paper_id FROM reading_list_entry e"
                + " JOIN reading_list l ON l.id = e.list_id WHERE l.owner_id = :reader")
                .setParameter("reader", reader.id).getResultList()));
        return ranking.forHistory(profile, weights, exclude, size);
    }
}
