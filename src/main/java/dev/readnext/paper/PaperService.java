package dev.readnext.paper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import dev.readnext.api.ApiException;
import dev.readnext.api.Batches;
import dev.readnext.api.Page;
import dev.readnext.api.Paging;

/** Reading papers: by key, filtered pages, full-text search. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PaperService {

    static final int MAX_SEARCH_RESULTS = 100;
    /** Longest full-text query accepted (search text and the papers text filter). */
    static final int MAX_QUERY_TEXT = 500;
    /** Matches that the cheap ranking passes on to the finer one (twice the largest page). */
    static final int RANKED_CANDIDATES = 2 * MAX_SEARCH_RESULTS;
    /** Characters of a hit's text (title, TL;DR, abstract) that its highlight is taken from. */
    static final int HEADLINE_CHARS = 3_000;

    @Inject
    EntityManager em;

    @Inject
    ReadStatus readStatus;

    public Optional<Paper> find(Long id, String slug, String arxivId) {
        int given = (id != null ? 1 : 0) + (slug != null ? 1 : 0) + (arxivId != null ? 1 : 0);
        if (given != 1) {
            throw ApiException.badInput("id", "give exactly one of id, slug or arxivId");
        }
        if (id != null) {
            return byId(id);
        }
        return slug != null ? Paper.findBySlug(slug) : Paper.findByArxivId(arxivId);
    }

    public Optional<Paper> byId(long id) {
        return Paper.findByIdOptional(id);
    }

    /**
     * A page of papers in id order: forwards with first/after, or backwards with last/before when last is given
     * (first is then ignored; after and before bound either); one statement counts the papers matching, and those
     * before and after the bounds.
     */
    public PaperConnection page(PaperFilter filter, Integer first, String after, Integer last, String before) {
        boolean backward = last != null;
        int size = backward ? Paging.size("last", last, Paging.MAX_PAGE_SIZE)
                : Paging.pageSize(first, Paging.DEFAULT_PAGE_SIZE, Paging.MAX_PAGE_SIZE);
        long afterId = Paging.afterId(after);
        long beforeId = Paging.beforeId(before);
        PaperConditions where = PaperConditions.of(filter == null ? new PaperFilter() : filter, this::topicId,
                this::listId, readStatus);
        Object[] counts = (Object[]) where.bind(em.createNativeQuery("SELECT count(*),"
                + " count(*) FILTER (WHERE p.id <= :afterId), count(*) FILTER (WHERE p.id >= :beforeId)"
                + " FROM paper p" + where.sql()))
                .setParameter("afterId", afterId).setParameter("beforeId", beforeId)
                .getSingleResult();
        Query ids = where.bind(em.createNativeQuery(
                "SELECT p.id FROM paper p" + where.sql() + (where.isEmpty() ? " WHERE" : " AND")
                        + " p.id > :afterId AND p.id < :beforeId ORDER BY p.id" + (backward ? " DESC" : "")
                        + " LIMIT :limit"));
        ids.setParameter("afterId", afterId).setParameter("beforeId", beforeId).setParameter("limit", size + 1);
        List<Paper> fetched = byIds(longs(ids.getResultList()));
        int total = ((Number) counts[0]).intValue();
        return backward ? PaperConnection.backward(fetched, size, total, ((Number) counts[2]).longValue() > 0)
                : PaperConnection.forward(fetched, size, total, ((Number) counts[1]).longValue() > 0);
    }

    /**
     * PostgreSQL full-text search over title (A), TL;DR (B), abstract (C), authors (D), best first.
     *
     * <p>The cost is bounded whatever the text: the query is normalised first ({@link SearchText}: no repeated
     * terms, at most 16); the cheap {@code ts_rank}, whose cost hardly grows with the number of terms, picks the
     * {@value #RANKED_CANDIDATES} best matches; only those are ordered by cover density ({@code ts_rank_cd}, which
     * rewards terms near each other and costs in proportion to the terms); and only the page returned is
     * highlighted, over the first {@value #HEADLINE_CHARS} characters of its text.
     */
    public List<SearchHit> search(String text, PaperFilter filter, Integer first) {
        int size = Paging.pageSize(first, 20, MAX_SEARCH_RESULTS);
        SearchText query = searchText(text);
        return hits(query, ranked(query, filter, size));
    }

    /**
     * A page of the best {@value #MAX_SEARCH_RESULTS} hits (the depth a search connection pages within), ranked and
     * highlighted as {@link #search} does; only the page is highlighted.
     */
    public SearchHitConnection searchConnection(String text, PaperFilter filter, Integer first, String after,
            Integer last, String before) {
        SearchText query = searchText(text);
        Page<Ranked> page = Page.of(ranked(query, filter, MAX_SEARCH_RESULTS), first, after, last, before);
        return SearchHitConnection.of(page.map(hits(query, page.items())));
    }

    private static SearchText searchText(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_QUERY_TEXT) {
            throw ApiException.badInput("text", "text must have 1 to " + MAX_QUERY_TEXT + " characters");
        }
        return SearchText.of(text);
    }

    /** A paper matching a search, with its cover-density rank. */
    private record Ranked(long id, double rank) {
    }

    @SuppressWarnings("unchecked")
    private List<Ranked> ranked(SearchText query, PaperFilter filter, int limit) {
        if (query.isEmpty()) {
            return List.of();
        }
        PaperConditions where = PaperConditions.of(filter == null ? new PaperFilter() : filter, this::topicId,
                this::listId, readStatus);
        List<Object[]> rows = where.bind(em.createNativeQuery("""
                SELECT c.id, ts_rank_cd(c.search, c.q, 32) AS rank
                FROM (SELECT p.id, p.search, q
                      FROM paper p, websearch_to_tsquery('english', :query) q
                      WHERE p.search @@ q %s
                      ORDER BY ts_rank(p.search, q, 32) DESC, p.id
                      LIMIT :candidates) c
                ORDER BY rank DESC, c.id
                LIMIT :limit""".formatted(where.isEmpty() ? "" : "AND " + where.conjunction())))
                .setParameter("query", query.query())
                .setParameter("candidates", RANKED_CANDIDATES)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(r -> new Ranked(((Number) r[0]).longValue(), ((Number) r[1]).doubleValue())).toList();
    }

    /** The ranked papers as hits, in the same order, each with its highlight. */
    @SuppressWarnings("unchecked")
    private List<SearchHit> hits(SearchText query, List<Ranked> ranked) {
        if (ranked.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT p.id, ts_headline('english', left(concat_ws(' — ', p.title, p.tldr, p.abstract), :headlineChars),
                                         q, 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=24, MinWords=8')
                FROM paper p, websearch_to_tsquery('english', :query) q
                WHERE p.id = ANY(CAST(:ids AS bigint[]))""")
                .setParameter("query", query.query())
                .setParameter("ids", ranked.stream().map(Ranked::id).toArray(Long[]::new))
                .setParameter("headlineChars", HEADLINE_CHARS)
                .getResultList();
        Map<Long, String> highlights = new HashMap<>();
        rows.forEach(r -> highlights.put(((Number) r[0]).longValue(), (String) r[1]));
        Map<Long, Paper> papers = byId(ranked.stream().map(Ranked::id).toList());
        return ranked.stream().map(r -> new SearchHit(papers.get(r.id()), r.rank(), highlights.get(r.id()))).toList();
    }

    /** Papers by id, in the order of the ids given (missing ids skipped). */
    public List<Paper> byIds(List<Long> ids) {
        Map<Long, Paper> found = byId(ids);
        return ids.stream().map(found::get).filter(p -> p != null).toList();
    }

    /** The paper each item points at, aligned with the items, loaded in one query (for batch resolvers). */
    public <T> List<Paper> papersFor(List<T> items, Function<T, Long> paperId) {
        Map<Long, Paper> found = byId(items.stream().map(paperId).distinct().toList());
        return items.stream().map(item -> found.get(paperId.apply(item))).toList();
    }

    public Map<Long, Paper> byId(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Paper> papers = Paper.list("id in ?1", ids);
        return Batches.index(papers, p -> p.id);
    }

    /** Aliases of each paper, aligned with the given papers. */
    public List<List<String>> aliases(List<Paper> papers) {
        return Batches.alignedGroups(papers, p -> p.id, PaperAlias.forPapers(ids(papers)), a -> a.paperId,
                a -> a.alias);
    }

    // a filter naming an unknown topic or list is invalid input, reported where the filter is read
    private long topicId(String slug) {
        return idOfSlug("topic", slug, "").orElseThrow(() -> ApiException.notFound("topic", "slug", slug));
    }

    private long listId(String slug) {
        // a catalogue list: a reader's own lists (owner_id) are private
        return idOfSlug("reading_list", slug, " AND owner_id IS NULL")
                .orElseThrow(() -> ApiException.notFound("reading list", "slug", slug));
    }

    private Optional<Long> idOfSlug(String table, String slug, String condition) {
        List<?> ids = em.createNativeQuery("SELECT id FROM " + table + " WHERE slug = :slug" + condition)
                .setParameter("slug", slug).getResultList();
        return longs(ids).stream().findFirst();
    }

    public static List<Long> ids(List<Paper> papers) {
        return papers.stream().map(p -> p.id).toList();
    }

    /** The numbers of a native query's single-column result, as longs. */
    public static List<Long> longs(List<?> values) {
        return values.stream().map(v -> ((Number) v).longValue()).toList();
    }

}
