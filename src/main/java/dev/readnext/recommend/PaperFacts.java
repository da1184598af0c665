package dev.readnext.recommend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.readnext.paper.Paper;
import dev.readnext.paper.PaperAlias;
import dev.readnext.paper.TitleDictionary;
import dev.readnext.paper.ResourceKind;

/**
 * What recommendations need of each paper besides its text, in memory: its topics, year and names, and what makes
 * two rows one resource (normalised title, arXiv id), with topic membership and duplicates indexed; and the columns
 * recommendation lists show (title, kind, year, TL;DR, arXiv id, URL, slug). Read in full at
 * start and after a bulk import, then refreshed paper by paper as the change log names them. Writers take turns;
 * readers never wait (they may see a refresh half done, one paper at a time).
 */
final class PaperFacts {

    /**
     * @param names  what people call the paper: curated aliases and the name before its title's colon
     * @param topics the topics it is in, ascending
     */
    record Known(Integer year, String titleKey, String arxivId, List<String> names, long[] topics, String slug,
                 String title, ResourceKind kind, String tldr, String url) {

        /**
         * The paper as recommendation lists show it, detached: the columns above, none of {@link #NOT_PROJECTED}
         * (which a request that selects them reads from the database).
         */
        Paper toPaper(long id) {
            Paper paper = new Paper();
            paper.id = id;
            paper.slug = slug;
            paper.title = title;
            paper.kind = kind;
            paper.year = year;
            paper.tldr = tldr;
            paper.arxivId = arxivId;
            paper.url = url;
            paper.titleKey = titleKey;
            return paper;
        }
    }

    /** The fields of the GraphQL type Paper that {@link Known#toPaper} leaves out: long texts and editing state. */
    static final Set<String> NOT_PROJECTED = Set.of("abstract", "authors", "codeUrl", "highlight", "version");

    private static final long[] NONE = new long[0];

    private final Map<Long, Known> papers = new ConcurrentHashMap<>();
    /** Sorted members, copied on write (a write adds or drops one paper; a read is a plain array). */
    private final Map<Long, long[]> topicMembers = new ConcurrentHashMap<>();
    private final Map<String, long[]> byTitleKey = new ConcurrentHashMap<>();
    private final Map<String, long[]> byArxivId = new ConcurrentHashMap<>();

    /**
     * Every paper's facts, read through cursors: call inside a transaction, or PostgreSQL reads them all at once.
     * Each paper's names go to {@code names} too.
     */
    static PaperFacts read(Connection c, List<TitleDictionary.Names> names) throws SQLException {
        PaperFacts facts = new PaperFacts();
        Map<Long, List<Long>> members = new HashMap<>();
        Map<String, List<Long>> titles = new HashMap<>();
        Map<String, List<Long>> arxiv = new HashMap<>();
        rows(c, null).forEach((id, row) -> {
            Known known = row.known();
            facts.papers.put(id, known);
            names.add(row.names());
            for (long topic : known.topics()) {
                members.computeIfAbsent(topic, k -> new ArrayList<>()).add(id);
            }
            titles.computeIfAbsent(known.titleKey(), k -> new ArrayList<>(1)).add(id);
            if (known.arxivId() != null) {
                arxiv.computeIfAbsent(known.arxivId(), k -> new ArrayList<>(1)).add(id);
            }
        });
        members.forEach((topic, ids) -> facts.topicMembers.put(topic, sorted(ids)));
        titles.forEach((key, ids) -> facts.byTitleKey.put(key, sorted(ids)));
        arxiv.forEach((key, ids) -> facts.byArxivId.put(key, sorted(ids)));
        return facts;
    }

    /** Reads the papers' facts (and names, into {@code dictionary}) again; papers no longer there are forgotten. */
    synchronized void refresh(Connection c, Collection<Long> ids, TitleDictionary dictionary) throws SQLException {
        Map<Long, Row> fresh = rows(c, ids);
        for (long id : ids) {
            Row row = fresh.get(id);
            dictionary.replace(id, row == null ? null : row.names());
            Known old = papers.get(id);
            if (old != null) {
                unindex(id, old);
            }
            if (row == null) {
                papers.remove(id);
            } else {
                papers.put(id, row.known());
                index(id, row.known());
            }
        }
    }

    private record Row(Known known, TitleDictionary.Names names) {
    }

    /**
     * The papers' facts and names, of all papers when {@code ids} is null: the papers, their topics and their aliases
     * read in three scans and joined here (one query with a sub-select per paper takes seconds at 75k papers).
     */
    private static Map<Long, Row> rows(Connection c, Collection<Long> ids) throws SQLException {
        Map<Long, List<Long>> topics = new HashMap<>();
        query(c, "SELECT paper_id, topic_id FROM paper_topic" + where("paper_id", ids) + " ORDER BY 1, 2", ids,
                rs -> topics.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2)).add(rs.getLong(2)));
        Map<Long, List<String[]>> aliases = new HashMap<>();
        query(c, "SELECT paper_id, alias, alias_key, source FROM paper_alias" + where("paper_id", ids)
                + " ORDER BY paper_id, id", ids, rs -> aliases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(1))
                        .add(new String[] { rs.getString(2), rs.getString(3), rs.getString(4) }));
        Map<Long, Row> rows = new HashMap<>();
        query(c, "SELECT id, year, title_key, arxiv_id, title, slug, kind, tldr, url FROM paper" + where("id", ids), ids,
                rs -> {
                    long id = rs.getLong(1);
                    int year = rs.getInt(2);
                    Integer yearOrNull = rs.wasNull() ? null : year;
                    String title = rs.getString(5);
                    List<String[]> own = aliases.getOrDefault(id, List.of());
                    List<String> names = new ArrayList<>(1);
                    int colon = title.indexOf(':');
                    if (colon > 0) {
                        names.add(title.substring(0, colon).strip());
                    }
                    own.stream().filter(a -> a[2].equals(PaperAlias.Source.CURATED.name())).forEach(a -> names.add(a[0]));
                    Known known = new Known(yearOrNull, rs.getString(3), rs.getString(4),
                            names.isEmpty() ? List.of() : List.copyOf(names),
                            topics.getOrDefault(id, List.of()).stream().mapToLong(Long::longValue).toArray(),
                            rs.getString(6), title, ResourceKind.valueOf(rs.getString(7)), rs.getString(8),
                            rs.getString(9));
                    rows.put(id, new Row(known, new TitleDictionary.Names(id, title, known.titleKey(), known.arxivId(),
                            known.url(), own.stream().map(a -> a[1]).toList(),
                            own.stream().map(a -> PaperAlias.Source.valueOf(a[2])).toList())));
                });
        return rows;
    }

    private static String where(String column, Collection<Long> ids) {
        return ids == null ? "" : " WHERE " + column + " = ANY(?)";
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, Collection<Long> ids, RowReader reader) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (ids != null) {
                s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            }
            s.setFetchSize(5_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    Known of(long paper) {
        return papers.get(paper);
    }

    long[] membersOf(long topic) {
        return topicMembers.getOrDefault(topic, NONE);
    }

    /** Other papers with the same normalised title or arXiv id. */
    Set<Long> duplicatesOf(long paper) {
        Known known = papers.get(paper);
        if (known == null) {
            return Set.of();
        }
        Set<Long> duplicates = new HashSet<>();
        for (long other : byTitleKey.getOrDefault(known.titleKey(), NONE)) {
            duplicates.add(other);
        }
        if (known.arxivId() != null) {
            for (long other : byArxivId.getOrDefault(known.arxivId(), NONE)) {
                duplicates.add(other);
            }
        }
        duplicates.remove(paper);
        return duplicates;
    }

    private void index(long id, Known known) {
        for (long topic : known.topics()) {
            topicMembers.merge(topic, new long[] { id }, (ids, one) -> with(ids, id));
        }
        byTitleKey.merge(known.titleKey(), new long[] { id }, (ids, one) -> with(ids, id));
        if (known.arxivId() != null) {
            byArxivId.merge(known.arxivId(), new long[] { id }, (ids, one) -> with(ids, id));
        }
    }

    private void unindex(long id, Known known) {
        for (long topic : known.topics()) {
            topicMembers.computeIfPresent(topic, (k, ids) -> without(ids, id));
        }
        byTitleKey.computeIfPresent(known.titleKey(), (k, ids) -> without(ids, id));
        if (known.arxivId() != null) {
            byArxivId.computeIfPresent(known.arxivId(), (k, ids) -> without(ids, id));
        }
    }

    private static long[] sorted(List<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** The sorted ids with {@code id} in them. */
    private static long[] with(long[] ids, long id) {
        int at = Arrays.binarySearch(ids, id);
        if (at >= 0) {
            return ids;
        }
        int insert = -at - 1;
        long[] grown = new long[ids.length + 1];
        System.arraycopy(ids, 0, grown, 0, insert);
        grown[insert] = id;
        System.arraycopy(ids, insert, grown, insert + 1, ids.length - insert);
        return grown;
    }

    /** The sorted ids without {@code id}; null (no entry) when none is left. */
    private static long[] without(long[] ids, long id) {
        int at = Arrays.binarySearch(ids, id);
        if (at < 0) {
            return ids;
        }
        if (ids.length == 1) {
            return null;
        }
        long[] shrunk = new long[ids.length - 1];
        System.arraycopy(ids, 0, shrunk, 0, at);
        System.arraycopy(ids, at + 1, shrunk, at, ids.length - at - 1);
        return shrunk;
    }
}
